/**
 * `npm run smoke -- --env production` (or `--origin https://…`): after a deploy, asks the live
 * worker's `/api/v1/health` until it answers 200 (at most a minute) and prints what it said; a
 * dependency that stays down is named and the command fails (docs/DEPLOY.md, docs/OPERATIONS.md).
 */
import { parseArgs } from "node:util";
import { unstable_readConfig } from "wrangler";

const { values } = parseArgs({
  options: {
    env: { type: "string", short: "e" },
    origin: { type: "string" },
    config: { type: "string", short: "c", default: "wrangler.toml" },
    "timeout-seconds": { type: "string", default: "60" },
  },
});
const origin =
  values.origin ??
  (values.env
    ? String(unstable_readConfig({ config: values.config, env: values.env }, { hideWarnings: true }).vars.APP_ORIGIN)
    : undefined);
if (!origin) {
  console.error("usage: npm run smoke -- --env <staging|production> | --origin <https://…>");
  process.exit(2);
}

const deadline = Date.now() + Number(values["timeout-seconds"]) * 1000;
let last = "no answer";
while (Date.now() < deadline) {
  try {
    const res = await fetch(new URL("/api/v1/health", origin), { signal: AbortSignal.timeout(10_000) });
    last = `${res.status} ${await res.text()}`;
    if (res.status === 200) {
      console.log(`smoke: ${origin} is healthy: ${last}`);
      process.exit(0);
    }
  } catch (error) {
    last = String(error);
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
}
console.error(`smoke: ${origin} is not healthy: ${last}`);
process.exit(1);
