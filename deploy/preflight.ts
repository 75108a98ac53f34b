/**
 * `npm run preflight -- --env production --secrets <file>`: is this environment safe to deploy?
 * Offline: reads wrangler.toml as wrangler itself resolves it, and the secret names the operator
 * says are set — a file of names, one a line (`NAME` or `NAME=value`, # comments), or JSON (the
 * output of `wrangler secret list --format json`, an array of names, or the object given to
 * `wrangler secret bulk`); a name with an empty value counts as not set. Values never reach the output. One plain line per problem;
 * exit 1 if there is any (docs/DEPLOY.md).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { experimental_readRawConfig, unstable_readConfig } from "wrangler";
import { preflightProblems } from "./preflight-checks";

/** The names in a secrets file, whatever of the accepted shapes it has. */
export function secretNamesIn(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed))
      return parsed.map((item) => (typeof item === "string" ? item : String((item as { name?: unknown }).name)));
    // A value left empty is a secret not set yet.
    return Object.entries(parsed as Record<string, unknown>).flatMap(([name, value]) => (value === "" ? [] : [name]));
  }
  return trimmed
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .filter((line) => !/^[^=]+=\s*(""|'')?\s*$/.test(line))
    .map(
      (line) =>
        line
          .split("=")[0]
          ?.replace(/^export\s+/, "")
          .trim() ?? "",
    );
}

/** The problems of one environment of a wrangler configuration file. */
export function preflight(opts: { configPath: string; envName: string; secretsText?: string }): string[] {
  const { configPath, envName } = opts;
  const read = (env?: string) => unstable_readConfig({ config: configPath, env }, { hideWarnings: true });
  const { rawConfig } = experimental_readRawConfig({ config: configPath });
  const envNames = Object.keys(rawConfig.env ?? {});
  if (!envNames.includes(envName))
    return [`no [env.${envName}] in ${configPath} (it has: ${envNames.join(", ") || "none"})`];
  const others = Object.fromEntries(envNames.filter((n) => n !== envName).map((n) => [n, read(n)]));
  return preflightProblems({
    envName,
    config: read(envName),
    topLevel: read(),
    others,
    secretNames: opts.secretsText === undefined ? undefined : secretNamesIn(opts.secretsText),
  });
}

function main() {
  const { values } = parseArgs({
    options: {
      env: { type: "string", short: "e" },
      secrets: { type: "string" },
      config: { type: "string", short: "c", default: "wrangler.toml" },
    },
  });
  if (!values.env) {
    console.error("usage: npm run preflight -- --env <staging|production> --secrets <file of secret names>");
    process.exit(2);
  }
  const secretsText = values.secrets === undefined ? undefined : readFileSync(values.secrets, "utf8");
  const problems = preflight({ configPath: values.config, envName: values.env, secretsText });
  for (const problem of problems) console.log(problem);
  if (problems.length > 0) {
    console.error(`preflight: ${problems.length} problem(s); do not deploy --env ${values.env} until they are fixed`);
    process.exit(1);
  }
  console.log(`preflight: --env ${values.env} is ready to deploy`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
