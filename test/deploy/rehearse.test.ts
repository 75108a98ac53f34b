import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { coverageProblems, guideCommands } from "../../deploy/rehearse";

/** The rehearsal's first half, offline: docs/DEPLOY.md makes exactly what [env.production] binds. */

const guide = readFileSync("docs/DEPLOY.md", "utf8");
const production = unstable_readConfig({ config: "wrangler.toml", env: "production" }, { hideWarnings: true });

describe("docs/DEPLOY.md against [env.production]", () => {
  it("creates every queue, the dead-letter queue's reader and the bucket, and sets every secret", () => {
    expect(coverageProblems(guideCommands(guide), production)).toEqual([]);
  });

  it("a guide that lost a step, or names a queue the config does not bind, is refused line by line", () => {
    const commands = guideCommands(guide)
      .filter((c) => !c.endsWith("queues create housefull-email-production-dlq"))
      .filter((c) => !c.includes("secret put STRIPE_WEBHOOK_SECRET"))
      .map((c) => c.replace("r2 bucket create housefull-posters", "r2 bucket create housefull-images"));
    expect(coverageProblems(commands, production)).toEqual([
      "docs/DEPLOY.md never creates queue housefull-email-production-dlq (wrangler.toml binds it)",
      "docs/DEPLOY.md never creates R2 bucket housefull-posters (wrangler.toml binds it)",
      "docs/DEPLOY.md creates R2 bucket housefull-images, which [env.production] does not bind",
      "docs/DEPLOY.md never sets secret STRIPE_WEBHOOK_SECRET",
    ]);
  });

  it("reads commands from sh blocks only, one a line, continuations joined", () => {
    const text = "```sh\nnpx wrangler queues create a \\\n  --x\n# a comment\n```\n```ts\nnot a command\n```\n";
    expect(guideCommands(text)).toEqual(["npx wrangler queues create a --x"]);
  });
});
