import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METRIC_EVENTS } from "../../src/observability/metrics";

/** docs/OPERATIONS.md keeps up with the code: every metric event, its query, each alert's runbook. */

const doc = readFileSync("docs/OPERATIONS.md", "utf8");
const section = (heading: string) => doc.split(/^## /m).find((s) => s.startsWith(heading)) ?? "";
const runbooks = [...section("Runbooks").matchAll(/^### (.+)$/gm)].map((m) => m[1]);

describe("docs/OPERATIONS.md", () => {
  it("describes every metric event the worker writes", () => {
    for (const event of Object.keys(METRIC_EVENTS)) expect(section("Metrics"), event).toContain(`| \`${event}\``);
  });

  it("has a query for each of the original design's metrics, on the worker's dataset", () => {
    for (const name of ["booking_success_rate", "hold_expiry_rate", "payment_success_rate", "error_rate", "p95_ms"])
      expect(section("Queries"), name).toMatch(new RegExp(`AS ${name}\\b`));
    expect(section("Queries")).toContain("FROM housefull_metrics");
  });

  it("gives every alert a runbook that exists, and has the five the product needs", () => {
    const table = section("Alerts")
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| alert") && !line.startsWith("| ---"));
    expect(table.length).toBeGreaterThanOrEqual(8);
    for (const row of table) {
      const named =
        row
          .split("|")[3]
          ?.split(",")
          .map((r) => r.trim().replace(/, then.*/, "")) ?? [];
      for (const runbook of named.map((r) => r.replace(/^then /, ""))) expect(runbooks, row).toContain(runbook);
    }
    for (const needed of ["Redis lost", "Neon down", "Webhook secret rotated", "Queue backlog", "Dead letters waiting"])
      expect(runbooks).toContain(needed);
  });
});
