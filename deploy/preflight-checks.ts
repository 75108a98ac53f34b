/**
 * What would make a deployed environment unsafe or broken, read from its configuration alone
 * (offline: nothing here talks to Cloudflare). `npm run preflight -- --env production` prints each
 * problem on one plain line (deploy/preflight.ts); docs/DEPLOY.md runs it before every deploy.
 */
import type { Unstable_Config as WranglerConfig } from "wrangler";
import { configSchema } from "../src/env";

/** Bindings the worker's code uses, by kind: each deployed environment must declare every one. */
export const REQUIRED_BINDINGS: Record<string, string> = {
  ASSETS: "assets",
  EMAIL_QUEUE: "queue producer",
  EMAIL: "send_email",
  POSTERS: "R2 bucket",
  METRICS: "Analytics Engine dataset",
  HOLDS_RATE_LIMITER: "rate limit",
  GUEST_RATE_LIMITER: "rate limit",
  SEATMAP_RATE_LIMITER: "rate limit",
  EMAIL_CODE_ADDRESS_RATE_LIMITER: "rate limit",
  SIGN_IN_CLIENT_RATE_LIMITER: "rate limit",
};

/**
 * Every secret the worker reads (`wrangler secret put`), required or not: what the deploy workflow
 * copies from the GitHub environment's secrets (deploy/secrets-file.ts). `.dev.vars.example` names each.
 */
export const WORKER_SECRETS = [
  "DATABASE_URL",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  "AUTH_JWT_SECRET",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "TICKET_SIGNING_KEYS",
  "OIDC_CLIENT_SECRET",
  "EMAIL_API_KEY",
];

/** Optional in the worker's schema (it starts without them) but needed for a working product. */
const NEEDED_SECRETS = ["TICKET_SIGNING_KEYS"];

/** Dev-only: pointing Neon's driver at another endpoint. Never in a deployed environment. */
const DEV_ONLY = ["NEON_FETCH_ENDPOINT"];

/** The every-minute cron: order expiry, checkout-session closing, refund retries, Redis repair. */
export const EXPIRY_CRON = "* * * * *";

const STRIPE_API = "https://api.stripe.com";

export interface PreflightInput {
  envName: string;
  /** The environment as wrangler resolves it (`unstable_readConfig({ env })`). */
  config: WranglerConfig;
  /** The top-level (local) configuration: what the code is written against. */
  topLevel: WranglerConfig;
  /** The other deployed environments, by name: resources must not be shared with them. */
  others: Record<string, WranglerConfig>;
  /** Secret names the operator says are set (`wrangler secret list`), or undefined if none given. */
  secretNames: string[] | undefined;
}

/** The secret names the worker needs in an environment, given its vars. */
export function requiredSecrets(vars: Record<string, unknown>): string[] {
  const shape = configSchema().shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  // Required by the worker's own schema (no default, not optional) and not a var: a secret.
  const required = Object.keys(shape).filter((name) => !(name in vars) && !shape[name]?.safeParse(undefined).success);
  const conditional = [
    ...(vars.EMAIL_TRANSPORT === "http" ? ["EMAIL_API_KEY"] : []),
    ...(vars.OIDC_CLIENT_ID ? ["OIDC_CLIENT_SECRET"] : []),
  ];
  return [...new Set([...required, ...NEEDED_SECRETS, ...conditional])];
}

/** Where each kind of binding is declared: [kind, config key, the field naming the binding]. */
const BINDING_LISTS: [kind: string, key: string, field: string][] = [
  ["send_email", "send_email", "name"],
  ["R2 bucket", "r2_buckets", "binding"],
  ["Analytics Engine dataset", "analytics_engine_datasets", "binding"],
  ["rate limit", "ratelimits", "name"],
  ["KV namespace", "kv_namespaces", "binding"],
  ["D1 database", "d1_databases", "binding"],
  ["service", "services", "binding"],
  ["Hyperdrive", "hyperdrive", "binding"],
];

/** Every binding name a configuration declares, with what kind it is. */
export function bindingsOf(config: WranglerConfig): Map<string, string> {
  const found = new Map<string, string>();
  const add = (kind: string, name: unknown) => {
    if (typeof name === "string" && name) found.set(name, kind);
  };
  add("assets", config.assets?.binding);
  for (const q of config.queues.producers ?? []) add("queue producer", q.binding);
  for (const d of config.durable_objects.bindings) add("Durable Object", d.name);
  for (const [kind, key, field] of BINDING_LISTS) {
    const list = (Reflect.get(config, key) ?? []) as Record<string, unknown>[];
    for (const item of list) add(kind, item[field]);
  }
  return found;
}

/** Names of the account-wide resources an environment uses: shared between environments, they mix data. */
function resourcesOf(config: WranglerConfig): string[] {
  return [
    ...(config.queues.producers ?? []).map((q) => `queue ${q.queue}`),
    ...(config.queues.consumers ?? []).flatMap((q) => [
      `queue ${q.queue}`,
      ...(q.dead_letter_queue ? [`queue ${q.dead_letter_queue}`] : []),
    ]),
    ...config.r2_buckets.map((b) => `R2 bucket ${b.bucket_name}`),
    ...config.analytics_engine_datasets.map((d) => `Analytics Engine dataset ${d.dataset ?? d.binding}`),
    ...config.ratelimits.map((r) => `rate limit namespace_id ${r.namespace_id}`),
  ];
}

const isLocalHost = (host: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i.test(host);

/** Why a value is not an https origin of a real host, or undefined if it is one. */
function originProblem(value: string): string | undefined {
  if (value.includes("*")) return "a wildcard";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "https:") return `${url.protocol.replace(":", "")}, not https`;
  if (isLocalHost(url.hostname)) return "a local address";
  if (url.origin !== value.replace(/\/$/, "")) return "not a bare origin (scheme://host, no path)";
  return undefined;
}

/** Hosts the environment's routes and custom domains serve. */
function routedHosts(config: WranglerConfig): string[] {
  const patterns = [...(config.routes ?? []), ...(config.route ? [config.route] : [])].map((r) =>
    typeof r === "string" ? r : r.pattern,
  );
  return patterns.map((p) => p.replace(/^https?:\/\//, "").split("/")[0] ?? "");
}

/** One plain line per problem; none means the environment can be deployed. */
export function preflightProblems(input: PreflightInput): string[] {
  const { envName, config, topLevel, others, secretNames } = input;
  const problems: string[] = [];
  const vars = config.vars as Record<string, unknown>;
  const where = `[env.${envName}]`;

  // Bindings: the code needs each one, and wrangler does not inherit them into an environment.
  const bindings = bindingsOf(config);
  const expected = new Map([...Object.entries(REQUIRED_BINDINGS), ...bindingsOf(topLevel)]);
  for (const [name, kind] of expected) {
    if (!bindings.has(name)) problems.push(`binding ${name} (${kind}) is missing from ${where}`);
  }

  // Vars: one left out silently takes the worker's default (e.g. no CORS origins at all).
  for (const name of Object.keys(topLevel.vars)) {
    if (!(name in vars)) problems.push(`var ${name} is set at the top level but not in [env.${envName}.vars]`);
  }
  const shape = configSchema().shape as Record<string, { safeParse(v: unknown): { success: boolean } } | undefined>;
  for (const [name, value] of Object.entries(vars)) {
    if (shape[name] && !shape[name].safeParse(value).success)
      problems.push(`var ${name} = ${JSON.stringify(value)} is not a valid value for the worker`);
  }

  // No dev-only path: identity only from signed tokens, no dev endpoints, no sandbox.
  if (vars.AUTH_MODE !== "jwt")
    problems.push(
      `AUTH_MODE is ${JSON.stringify(vars.AUTH_MODE ?? "")}: a deployed worker must use "jwt" (dev trusts x-user-id)`,
    );
  for (const name of DEV_ONLY) {
    if (name in vars) problems.push(`var ${name} is dev-only (the local Neon bridge): remove it from ${where}`);
    if (secretNames?.includes(name))
      problems.push(`secret ${name} is dev-only: wrangler secret delete ${name} --env ${envName}`);
  }
  if (vars.STRIPE_API_BASE !== STRIPE_API)
    problems.push(
      `STRIPE_API_BASE is ${JSON.stringify(vars.STRIPE_API_BASE ?? "")}: a payment sandbox; it must be ${STRIPE_API}`,
    );

  const origins = String(vars.CORS_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0) problems.push("CORS_ORIGINS is empty: the web UI's origin must be listed");
  for (const origin of origins) {
    const why = originProblem(origin);
    if (why) problems.push(`CORS_ORIGINS has ${JSON.stringify(origin)}: ${why}`);
  }
  const appOrigin = String(vars.APP_ORIGIN ?? "");
  const appWhy = originProblem(appOrigin);
  if (appWhy) problems.push(`APP_ORIGIN is ${JSON.stringify(appOrigin)}: ${appWhy}`);
  else if (!routedHosts(config).includes(new URL(appOrigin).hostname))
    problems.push(`APP_ORIGIN ${appOrigin} is not served by any route or custom domain of ${where}`);
  if (vars.OIDC_ISSUER && originProblem(String(vars.OIDC_ISSUER)))
    problems.push(`OIDC_ISSUER is ${JSON.stringify(vars.OIDC_ISSUER)}: ${originProblem(String(vars.OIDC_ISSUER))}`);
  if (vars.EMAIL_TRANSPORT === "http" && originProblem(new URL(String(vars.EMAIL_API_URL ?? "x:")).origin))
    problems.push(
      `EMAIL_TRANSPORT is "http" but EMAIL_API_URL is ${JSON.stringify(vars.EMAIL_API_URL ?? "")}: an https URL is needed`,
    );
  if ("UPSTASH_KEY_LOCKING" in vars && vars.UPSTASH_KEY_LOCKING !== "true")
    problems.push(
      `UPSTASH_KEY_LOCKING is ${JSON.stringify(vars.UPSTASH_KEY_LOCKING)}: Upstash in a deployed environment runs with key locking ("true")`,
    );

  // Reachability: only on the app's own origin.
  if (config.workers_dev !== false)
    problems.push(`workers_dev is not false: the worker would also answer on *.workers.dev, outside APP_ORIGIN`);
  if (routedHosts(config).length === 0) problems.push(`no route or custom domain in ${where}`);

  // Queues: every message has a consumer, and a message that keeps failing lands in a dead-letter queue.
  const consumers = config.queues.consumers ?? [];
  for (const producer of config.queues.producers ?? []) {
    const consumer = consumers.find((c) => c.queue === producer.queue);
    if (!consumer)
      problems.push(`queue ${producer.queue} has no consumer in ${where}: its messages would never be handled`);
    else if (!consumer.dead_letter_queue)
      problems.push(
        `queue ${producer.queue} has no dead_letter_queue: a failing message would be dropped after its retries`,
      );
    else if (consumer.dead_letter_queue === producer.queue)
      problems.push(`queue ${producer.queue} is its own dead_letter_queue`);
  }

  // Cron: expiry, refunds and Redis repair run from it.
  if (!config.triggers.crons?.includes(EXPIRY_CRON))
    problems.push(
      `cron "${EXPIRY_CRON}" is missing from [env.${envName}.triggers]: orders would never expire, refunds never retry`,
    );

  // Logs are what the runbooks read (docs/OPERATIONS.md).
  if (!config.observability?.enabled) problems.push("observability is not enabled: Workers Logs keep the request log");

  // Nothing shared with another deployed environment (queues, buckets, datasets, rate-limit counters).
  // The top level is local configuration (Miniflare's resources), never deployed: not compared.
  const mine = new Set(resourcesOf(config));
  const ids = config.ratelimits.map((r) => r.namespace_id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i)))
    problems.push(`rate limit namespace_id ${id} is used twice in ${where}`);
  for (const [other, otherConfig] of Object.entries(others)) {
    for (const resource of resourcesOf(otherConfig)) {
      if (mine.has(resource)) {
        problems.push(`${resource} is shared with [env.${other}]`);
        mine.delete(resource);
      }
    }
  }

  // Secrets: named by the operator, since only Cloudflare knows their values.
  if (!secretNames) {
    problems.push(
      `no secret list: pass --secrets <file> with the names set (wrangler secret list --env ${envName} --format json)`,
    );
  } else {
    for (const name of requiredSecrets(vars)) {
      if (!secretNames.includes(name))
        problems.push(`secret ${name} is not set: wrangler secret put ${name} --env ${envName}`);
    }
    for (const name of secretNames) {
      if (name in vars) problems.push(`${name} is both a var and a secret in ${where}: the deploy would fail`);
    }
  }
  return problems;
}
