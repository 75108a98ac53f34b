/**
 * `npm run deploy:rehearse`: docs/DEPLOY.md followed against the local stand-ins, in CI, so the guide
 * cannot rot. It reads the guide's `sh` blocks and (1) checks that they create exactly the queues and
 * bucket `[env.production]` binds and set every secret the worker needs, then (2) runs its steps
 * where a stand-in exists: `db:migrate` on a fresh database, `secrets:new` and the secrets file,
 * preflight, the worker with `--env production` in Miniflare (its queues, bucket and dataset made
 * from the config), the bucket written and read, the smoke test, a booking paid through the
 * webhook and emailed through the queue, the cron, `admin:grant`, and the deploy as a dry run.
 * Steps with no stand-in (Neon, Upstash, Stripe and Google consoles, DNS) are listed as skipped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis as IORedis } from "ioredis";
import pg from "pg";
import { type Unstable_Config, unstable_readConfig } from "wrangler";
import { ensureDatabase, ensureRedis, freePort, ROOT, StackError, sleep, startBridges } from "../dev/local-stack.ts";
import { startPaymentSandbox } from "../dev/payment-sandbox/index.ts";
import { stopChild, waitForHealth } from "../dev/start.ts";
import { seedDatabase } from "../drizzle/seed/index.ts";
import { requiredSecrets, WORKER_SECRETS } from "./preflight-checks";

const ENV = "production";
const say = (line: string) => console.log(`rehearse: ${line}`);

/** The guide's shell commands, one a line (continuations joined), from its `sh` blocks. */
export function guideCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  return blocks.flatMap((block) =>
    block
      .replace(/\s*\\\n\s*/g, " ")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#")),
  );
}

/** What the guide must make for `--env production`, compared with what the config binds. */
export function coverageProblems(commands: string[], config: Unstable_Config): string[] {
  const problems: string[] = [];
  const named = (pattern: RegExp) => commands.flatMap((c) => c.match(pattern)?.slice(1, 2) ?? []);
  const same = (what: string, inGuide: string[], inConfig: string[]) => {
    for (const name of inConfig)
      if (!inGuide.includes(name))
        problems.push(`docs/DEPLOY.md never creates ${what} ${name} (wrangler.toml binds it)`);
    for (const name of inGuide)
      if (!inConfig.includes(name))
        problems.push(`docs/DEPLOY.md creates ${what} ${name}, which [env.${ENV}] does not bind`);
  };
  const consumers = config.queues.consumers ?? [];
  const queues = [
    ...(config.queues.producers ?? []).map((q) => q.queue),
    ...consumers.flatMap((q) => [q.queue, ...(q.dead_letter_queue ? [q.dead_letter_queue] : [])]),
  ];
  same("queue", named(/^npx wrangler queues create (\S+)$/), [...new Set(queues)]);
  same(
    "R2 bucket",
    named(/^npx wrangler r2 bucket create (\S+)$/),
    config.r2_buckets.map((b) => b.bucket_name ?? ""),
  );
  const readers = named(/^npx wrangler queues consumer http add (\S+)$/);
  for (const dlq of consumers.flatMap((q) => (q.dead_letter_queue ? [q.dead_letter_queue] : [])))
    if (!readers.includes(dlq)) problems.push(`docs/DEPLOY.md gives dead-letter queue ${dlq} no consumer to read it`);
  const put = named(new RegExp(`^npx wrangler secret put (\\S+) --env ${ENV}$`));
  const needed = [...requiredSecrets(config.vars), "OIDC_CLIENT_SECRET"];
  for (const name of needed) if (!put.includes(name)) problems.push(`docs/DEPLOY.md never sets secret ${name}`);
  for (const name of put)
    if (!WORKER_SECRETS.includes(name)) problems.push(`docs/DEPLOY.md sets ${name}, which the worker never reads`);
  return problems;
}

/** The one guide command that matches, or a problem: the guide lost a step the rehearsal runs. */
function step(commands: string[], pattern: RegExp): string {
  const found = commands.find((c) => pattern.test(c));
  if (!found) throw new StackError(`docs/DEPLOY.md has no command matching ${pattern}`);
  return found;
}

/** Runs one guide command through the shell, with its placeholders and paths swapped for the stand-ins'. */
function runGuide(command: string, substitutions: Record<string, string>): Promise<string> {
  let line = command;
  for (const [from, to] of Object.entries(substitutions)) line = line.replaceAll(from, to);
  say(`$ ${line.replace(/postgres:\/\/[^"\s]+/g, "<database>")}`);
  // Asynchronously: the stand-ins (bridges, sandbox) answer from this very process meanwhile.
  const child = spawn("bash", ["-c", line], { cwd: ROOT, env: process.env });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += String(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 ? resolve(output) : reject(new StackError(`failed: ${line}\n${output.slice(-3000)}`)),
    );
  });
}

async function poll<T>(what: string, check: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; await sleep(250)) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
  }
  throw new StackError(`rehearsal: ${what} did not happen within ${seconds} s`);
}

async function main() {
  const commands = guideCommands(readFileSync(path.join(ROOT, "docs/DEPLOY.md"), "utf8"));
  const config = unstable_readConfig({ config: path.join(ROOT, "wrangler.toml"), env: ENV }, { hideWarnings: true });
  const coverage = coverageProblems(commands, config);
  for (const problem of coverage) console.error(problem);
  if (coverage.length > 0) throw new StackError(`rehearsal: the guide does not match [env.${ENV}]`);
  say(`the guide creates every queue and bucket of [env.${ENV}] and sets every secret (${commands.length} commands)`);
  say("skipped (no local stand-in): wrangler login, neonctl, the Upstash, Stripe and Google consoles, DNS");

  const work = mkdtempSync(path.join(tmpdir(), "housefull-rehearsal-"));
  const stops: (() => Promise<void>)[] = [async () => rmSync(work, { recursive: true, force: true })];
  let worker: ChildProcess | undefined;
  try {
    // Step 3: a fresh database, migrated by the guide's own command.
    const base = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/housefull_test");
    base.pathname = `${base.pathname.slice(1)}_rehearsal`;
    const databaseUrl = base.toString();
    await ensureDatabase(databaseUrl, { reset: true });
    const direct = { '"<direct connection string>"': `"${databaseUrl}"` };
    await runGuide(step(commands, /npm run db:migrate$/), direct);

    // Upstash and Stripe stand-ins: the bridges and the payment sandbox.
    const redisBase = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/9");
    const redis = await ensureRedis(`redis://${redisBase.host}/12`, () => {}, "TEST_REDIS_URL");
    stops.push(redis.stop);
    // A new deployment starts from an empty Redis, as from an empty database: a previous rehearsal's
    // booking must not stay locked in it (the seeded shows keep their ids from run to run).
    const fresh = new IORedis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await fresh.connect();
    await fresh.flushdb();
    fresh.disconnect();
    const bridges = await startBridges({ redisUrl: redis.url, upstashToken: randomBytes(16).toString("hex") });
    stops.push(bridges.stop);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const sandbox = await startPaymentSandbox({
      apiKey: `sk_test_${randomBytes(8).toString("hex")}`,
      webhookSecret: `whsec_${randomBytes(16).toString("hex")}`,
      webhookUrl: `${origin}/api/v1/payments/stripe/webhook`,
    });
    stops.push(sandbox.close);

    // Step 6: the secrets file, made by the guide's command, filled in with the stand-ins' values.
    const secretsFile = path.join(work, "secrets.production.env");
    const paths = { "secrets.production.env": secretsFile };
    await runGuide(step(commands, /^npm run secrets:new -- /), paths);
    const values: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      UPSTASH_REDIS_REST_URL: bridges.upstashUrl,
      UPSTASH_REDIS_REST_TOKEN: bridges.upstashToken,
      STRIPE_SECRET_KEY: sandbox.apiKey,
      STRIPE_WEBHOOK_SECRET: sandbox.webhookSecret,
    };
    let secrets = readFileSync(secretsFile, "utf8");
    for (const [name, value] of Object.entries(values)) secrets = secrets.replace(`${name}=""`, `${name}="${value}"`);
    writeFileSync(secretsFile, secrets);

    // Step 9: preflight passes on the committed production config and this file.
    await runGuide(step(commands, /^npm run preflight -- --env production --secrets /), paths);

    // Step 10 in Miniflare: the production environment's bindings (queues, bucket, dataset), the
    // secrets from the file; only where the stand-ins answer differs (a dev-only endpoint, the sandbox).
    const standIns = path.join(work, "stand-ins.env");
    writeFileSync(standIns, `NEON_FETCH_ENDPOINT="${bridges.neonFetchEndpoint}"\n`);
    const state = path.join(work, "state");
    await runGuide(step(commands, /^npm run build:web$/), {});
    worker = spawn(
      path.join(ROOT, "node_modules/.bin/wrangler"),
      [
        ...["dev", "--env", ENV, "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state],
        ...[
          "--test-scheduled",
          "--show-interactive-dev-session=false",
          "--env-file",
          secretsFile,
          "--env-file",
          standIns,
        ],
        ...["--var", `STRIPE_API_BASE:${sandbox.url}`],
      ],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
    );
    let output = "";
    worker.stdout?.on("data", (chunk) => {
      output += String(chunk);
    });
    worker.stderr?.on("data", (chunk) => {
      output += String(chunk);
    });
    const running = worker;
    stops.push(() => stopChild(running));
    await waitForHealth(origin, worker).catch((error: unknown) => {
      throw new StackError(`${String(error)}\n${output.slice(-3000)}`);
    });

    // Step 5's bucket, in Miniflare's storage for this environment.
    const bucket = config.r2_buckets[0]?.bucket_name ?? "";
    const object = `${bucket}/rehearsal.txt`;
    const local = ["--local", "--persist-to", state, "--env", ENV];
    await runGuide(`printf housefull | npx wrangler r2 object put ${object} --pipe ${local.join(" ")}`, {});
    if ((await runGuide(`npx wrangler r2 object get ${object} --pipe ${local.join(" ")}`, {})).trim() !== "housefull")
      throw new StackError(`rehearsal: bucket ${bucket} did not give back what was put`);

    // Step 11: the smoke test, against the local origin.
    await runGuide(
      `${step(commands, /^npm run smoke -- --env production$/)} --origin ${origin} --timeout-seconds 20`,
      {},
    );

    // A catalog (the back office's job in production), then a booking as a guest would make it.
    await seedDatabase(databaseUrl, {});
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    stops.push(() => db.end());
    const show = await db.query<{ show_id: string }>(
      "SELECT show_id FROM shows WHERE status = 'AVAILABLE' AND start_time > now() + interval '1 day' ORDER BY start_time LIMIT 1",
    );
    const showId = show.rows[0]?.show_id;
    if (!showId) throw new StackError("rehearsal: the seed has no show to book");
    const api = async (pathname: string, init: RequestInit & { json?: unknown } = {}, token?: string) => {
      const headers = new Headers(init.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      if (init.json !== undefined) headers.set("content-type", "application/json");
      const res = await fetch(`${origin}/api/v1${pathname}`, {
        ...init,
        headers,
        body: init.json === undefined ? init.body : JSON.stringify(init.json),
      });
      const body = (await res.json()) as Record<string, unknown>;
      return { status: res.status, body };
    };
    const expectStatus = (what: string, res: { status: number; body: unknown }, status: number) => {
      if (res.status !== status)
        throw new StackError(`rehearsal: ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    // AUTH_MODE=jwt: the dev-only x-user-id is refused.
    expectStatus(
      "a hold with x-user-id",
      await api("/holds", { method: "POST", headers: { "x-user-id": "u" }, json: {} }),
      401,
    );
    const { token } = expectStatus("a guest token", await api("/auth/guest", { method: "POST" }), 201) as {
      token: string;
    };
    const hold = expectStatus(
      "the hold",
      await api("/holds", { method: "POST", json: { showId, seatIds: ["E5", "E6"], quantity: 2 } }, token),
      201,
    ) as { holdId: string };
    const customer = { name: "Rehearsal Guest", email: "guest@example.com", phone: "+91 98765 43210" };
    const order = expectStatus(
      "the order",
      await api("/orders", { method: "POST", json: { holdId: hold.holdId, customer } }, token),
      201,
    ) as { orderId: string };
    const payment = expectStatus(
      "the payment",
      await api(`/orders/${order.orderId}/payment`, { method: "POST" }, token),
      200,
    ) as { url: string };
    const sessionId = new URL(payment.url).pathname.split("/").pop() ?? "";
    const paid = await fetch(`${sandbox.url}/__sandbox/sessions/${sessionId}/pay`, { method: "POST" });
    if (!paid.ok) throw new StackError(`rehearsal: the sandbox did not take the payment (${paid.status})`);
    const confirmed = await poll("the webhook confirming the order", async () => {
      const res = await api(`/orders/${order.orderId}`, {}, token);
      return res.body.status === "CONFIRMED" ? res.body : undefined;
    });
    say(
      `booked: order ${order.orderId} CONFIRMED, ticket ${String(confirmed.ticketCode)} (webhook signed with the file's secret)`,
    );
    await poll("the confirmation email through the queue", async () => {
      const sent = await db.query("SELECT 1 FROM email_log WHERE order_id = $1", [order.orderId]);
      return sent.rowCount ? true : undefined;
    });
    say(`emailed through ${config.queues.producers?.[0]?.queue} (consumer ran, email log written)`);

    // The cron trigger runs.
    const cron = await fetch(`${origin}/__scheduled?cron=${encodeURIComponent("* * * * *")}`);
    if (!cron.ok) throw new StackError(`rehearsal: the cron did not run (${cron.status})`);

    // Step 12: the first admin.
    await runGuide(step(commands, /npm run admin:grant -- /), direct);
    const admin = await db.query("SELECT 1 FROM user_roles r JOIN users u USING (user_id) WHERE r.role = 'admin'");
    if (!admin.rowCount) throw new StackError("rehearsal: admin:grant made no admin");

    // Step 10 for real, without Cloudflare: the deploy with the secrets file, as a dry run.
    await runGuide(
      `${step(commands, /^npx wrangler deploy --env production --secrets-file /)} --dry-run --outdir ${work}/dist`,
      paths,
    );
    say("docs/DEPLOY.md rehearsed: every step with a local stand-in ran as written");
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof StackError ? error.message : error);
    process.exit(1);
  });
}
