/**
 * `npm run dev`: the whole product on http://localhost:8787 with one command. Finds Redis and
 * Postgres (or starts redis-server / an embedded PGlite), migrates and seeds, starts the Upstash and
 * Neon bridges, the local OpenID provider (standing in for Google) and the payment sandbox (a local
 * Stripe), then `wrangler dev` with the worker's production clients pointed at them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startIdentityProvider } from "./identity-provider/index.ts";
import {
  ensureDatabase,
  ensurePostgres,
  ensureRedis,
  prepareDatabase,
  ROOT,
  StackError,
  sleep,
  startBridges,
} from "./local-stack.ts";
import { writeApiDocumentation } from "./openapi/build.ts";
import { startPaymentSandbox } from "./payment-sandbox/index.ts";
import { localTicketKeys } from "./ticket-keys.ts";

/** Worker vars that can be overridden from the environment for a local run. */
const OVERRIDABLE_VARS = [
  "HOLD_TTL_SECONDS",
  "PAYMENT_WINDOW_SECONDS",
  "MAX_SEATS_PER_HOLD",
  "CANCELLATION_CUTOFF_MINUTES",
  "CORS_ORIGINS",
  "AUTH_MODE",
  "AUTH_JWT_SECRET",
  "EMAIL_FROM",
] as const;

/**
 * Worker vars for a stack whose every client is one address (127.0.0.1, which wrangler dev reports
 * as the client's: the e2e suite's browsers, the bench's load): the per-address seat budget and the
 * bulk cost of guest tokens (issue 15) would refuse them as one household. Both are tested at their
 * deployed values in test/integration/seat-budget.test.ts.
 */
export const ONE_ADDRESS_FOR_ALL = { SEAT_BUDGET_PER_ADDRESS: "100000", GUEST_TOKENS_FREE_PER_HOUR: "100000" };

export interface DevStackOptions {
  port?: number;
  databaseUrl?: string;
  redisUrl?: string;
  /** Delay the bridges add to every call, as if Redis and Postgres were this far away. */
  simulatedRttMs?: number;
  /** Worker vars, on top of the defaults and the environment. */
  vars?: Record<string, string>;
  log?: (line: string) => void;
  /** Forward wrangler's own output (the dev command does; benchmarks do not). */
  inheritOutput?: boolean;
  /**
   * Where Miniflare keeps the local Cache API, R2 and queues (`wrangler dev --persist-to`); default
   * .wrangler/state. Stacks running side by side need one each: sharing it, two workerd processes
   * open the same SQLite files (SQLITE_BUSY), and one stack's cached seat-map snapshot answers the
   * other's show (the seeded show ids are the same in every database).
   */
  persistTo?: string;
}

/** The worker's OpenID client at the local provider (local values, not secrets). */
export const LOCAL_OIDC_CLIENT = { id: "housefull-local", secret: "local-dev-oidc-secret-not-for-production" };
export const OIDC_CALLBACK_PATH = "/api/v1/auth/oidc/callback";

export interface DevStack {
  url: string;
  oidcIssuer: string;
  databaseUrl: string;
  redisUrl: string;
  /** The local Stripe stand-in: hosted checkout pages and `/__sandbox` switches. */
  paymentSandboxUrl: string;
  stop(): Promise<void>;
}

export async function startDevStack(opts: DevStackOptions = {}): Promise<DevStack> {
  const log = opts.log ?? console.log;
  const port = opts.port ?? Number(process.env.PORT ?? 8787);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    const redis = await ensureRedis(opts.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0", log);
    stops.push(redis.stop);
    const pg = await ensurePostgres(
      opts.databaseUrl ?? process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/housefull",
      log,
      { allowEmbedded: true },
    );
    stops.push(pg.stop);
    if (!pg.embedded) await ensureDatabase(pg.url);
    await prepareDatabase(pg.url, { seed: true });
    log("Database: migrated and seeded");

    const bridges = await startBridges({
      redisUrl: redis.url,
      upstashToken: randomBytes(16).toString("hex"),
      simulatedRttMs: opts.simulatedRttMs ?? Number(process.env.SIMULATED_RTT_MS ?? 0),
    });
    stops.push(bridges.stop);

    const idp = await startIdentityProvider({
      clientId: LOCAL_OIDC_CLIENT.id,
      clientSecret: LOCAL_OIDC_CLIENT.secret,
      redirectUris: [`http://localhost:${port}${OIDC_CALLBACK_PATH}`, `http://127.0.0.1:${port}${OIDC_CALLBACK_PATH}`],
      log,
    });
    stops.push(idp.close);
    log(`Sign-in provider: ${idp.issuer} (stands in for Google; any email address signs in)`);

    // Local dev values only; production sets STRIPE_* with `wrangler secret put`.
    const payments = await startPaymentSandbox({
      port: Number(process.env.PAYMENT_SANDBOX_PORT ?? 0),
      apiKey: `sk_test_local_${randomBytes(12).toString("hex")}`,
      webhookSecret: `whsec_local_${randomBytes(16).toString("hex")}`,
      webhookUrl: `http://127.0.0.1:${port}/api/v1/payments/stripe/webhook`,
      log,
    });
    stops.push(payments.close);
    log(`Payments: sandbox (local Stripe) at ${payments.url}`);

    if (!existsSync(path.join(ROOT, "web/dist/index.html"))) {
      log("Web UI: building web/dist (first run)");
      await run("npm", ["run", "build:web", "--silent"]);
    } else {
      // The API document is a static file built from the routes: rebuilt each start so it matches them.
      await writeApiDocumentation();
    }

    const vars: Record<string, string> = {
      AUTH_MODE: "dev",
      AUTH_JWT_SECRET: "local-dev-secret-not-for-production",
      CORS_ORIGINS: `http://localhost:${port},http://127.0.0.1:${port},http://localhost:5173`,
      // A key pair made on this machine (git-ignored .data/), so tickets stay valid across restarts.
      TICKET_SIGNING_KEYS: await localTicketKeys(path.join(ROOT, ".data/ticket-signing-keys.json")),
      ...Object.fromEntries(OVERRIDABLE_VARS.flatMap((k) => (process.env[k] ? [[k, process.env[k] as string]] : []))),
      ...opts.vars,
      DATABASE_URL: pg.url,
      NEON_FETCH_ENDPOINT: bridges.neonFetchEndpoint,
      UPSTASH_REDIS_REST_URL: bridges.upstashUrl,
      UPSTASH_REDIS_REST_TOKEN: bridges.upstashToken,
      APP_ORIGIN: `http://localhost:${port}`,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: LOCAL_OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: LOCAL_OIDC_CLIENT.secret,
      STRIPE_API_BASE: payments.url,
      STRIPE_SECRET_KEY: payments.apiKey,
      STRIPE_WEBHOOK_SECRET: payments.webhookSecret,
    };
    const wrangler = spawn(
      path.join(ROOT, "node_modules/.bin/wrangler"),
      [
        "dev",
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
        "--test-scheduled",
        "--show-interactive-dev-session=false",
        ...(opts.persistTo ? ["--persist-to", opts.persistTo] : []),
        ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
        stdio: opts.inheritOutput ? "inherit" : "ignore",
      },
    );
    stops.push(() => stopChild(wrangler));
    const url = `http://localhost:${port}`;
    await waitForHealth(url, wrangler);
    return {
      url,
      oidcIssuer: idp.issuer,
      databaseUrl: pg.url,
      redisUrl: redis.url,
      paymentSandboxUrl: payments.url,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new StackError(`wrangler dev exited (code ${child.exitCode}) before it was ready`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new StackError(`wrangler dev did not become healthy at ${url} within 60 s`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
  });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit" });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new StackError(`${command} ${args.join(" ")} failed`)),
    );
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  startDevStack({ inheritOutput: true })
    .then((stack) => {
      console.log(
        `\nhousefull is running at ${stack.url}  (API docs: ${stack.url}/api/docs; payment sandbox: ${stack.paymentSandboxUrl}/__sandbox; Ctrl-C stops)\n`,
      );
      const shutdown = () => void stack.stop().then(() => process.exit(0));
      process.on("SIGINT", shutdown);
      process.on("SIGTERM", shutdown);
    })
    .catch((error: unknown) => {
      if (error instanceof StackError) console.error(error.message);
      else console.error(error);
      process.exit(1);
    });
}
