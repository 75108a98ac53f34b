/**
 * `tsx deploy/secrets-file.ts <out.json>`: the worker's secrets present in this process's
 * environment (in CI: the GitHub environment's secrets) as the JSON object `wrangler deploy
 * --secrets-file` and `wrangler secret bulk` take. Empty ones are left out, so preflight names
 * what is missing. Prints only the names it wrote.
 */
import { writeFileSync } from "node:fs";
import { WORKER_SECRETS } from "./preflight-checks";

export function secretsFromEnvironment(environment: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    WORKER_SECRETS.flatMap((name) => (environment[name] ? [[name, environment[name]] as const] : [])),
  );
}

const out = process.argv[2];
if (!out) {
  console.error("usage: tsx deploy/secrets-file.ts <out.json>");
  process.exit(2);
}
const secrets = secretsFromEnvironment(process.env);
writeFileSync(out, JSON.stringify(secrets), { mode: 0o600 });
console.log(`wrote ${Object.keys(secrets).length} secret(s): ${Object.keys(secrets).join(", ")}`);
