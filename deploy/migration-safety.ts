/**
 * The rule every migration keeps (docs/DEPLOY.md: migrations): it runs while the previous version
 * still serves traffic, so it only adds. Add → backfill → switch: a new column is nullable or has a
 * default, the code that writes it ships, then a later migration may tighten it; a column or table
 * goes only in a "contract" migration once no deployed version reads it, marked
 * `-- contract: <why nothing running uses it any more>`.
 */

export interface MigrationFinding {
  statement: string;
  problem: string;
}

const RULES: { pattern: RegExp; problem: (m: RegExpMatchArray) => string }[] = [
  {
    pattern: /^DROP TABLE (?:IF EXISTS )?"?(\w+)"?/i,
    problem: (m) => `drops table ${m[1]}, which the running version still reads`,
  },
  {
    pattern: /^ALTER TABLE "?(\w+)"? DROP COLUMN (?:IF EXISTS )?"?(\w+)"?/i,
    problem: (m) => `drops ${m[1]}.${m[2]}, which the running version still reads or writes`,
  },
  {
    pattern: /^ALTER TABLE "?(\w+)"? RENAME (?:COLUMN )?"?(\w+)"?/i,
    problem: (m) => `renames ${m[1]}.${m[2]} under the running version (add the new one, backfill, switch)`,
  },
  {
    pattern: /^ALTER TABLE "?(\w+)"? ALTER COLUMN "?(\w+)"? (?:SET DATA )?TYPE/i,
    problem: (m) =>
      `changes the type of ${m[1]}.${m[2]}: a table rewrite under lock, and the running version's writes may no longer fit`,
  },
  {
    pattern: /^ALTER TABLE "?(\w+)"? ALTER COLUMN "?(\w+)"? SET NOT NULL/i,
    problem: (m) => `makes ${m[1]}.${m[2]} NOT NULL while the running version may still write NULL`,
  },
  {
    pattern: /^ALTER TABLE "?(\w+)"? ADD COLUMN "?(\w+)"? (?=[^;]*\bNOT NULL\b)(?![^;]*\bDEFAULT\b)/i,
    problem: (m) =>
      `adds ${m[1]}.${m[2]} NOT NULL without a DEFAULT: existing rows and the running version's inserts fail`,
  },
];

/** The statements of a drizzle-kit migration (split at its `--> statement-breakpoint` markers). */
export const statementsOf = (sql: string) =>
  sql
    .split("--> statement-breakpoint")
    .map((s) =>
      s
        .split("\n")
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter(Boolean);

/**
 * What in a migration would break the version still serving traffic. `tablesBefore` are the tables
 * that existed before it: changing a table the same migration creates is fine.
 */
export function unsafeStatements(sql: string, tablesBefore: Set<string>): MigrationFinding[] {
  if (/^-- contract: \S/m.test(sql)) return [];
  const findings: MigrationFinding[] = [];
  for (const statement of statementsOf(sql)) {
    for (const rule of RULES) {
      const match = statement.match(rule.pattern);
      if (match?.[1] && tablesBefore.has(match[1])) findings.push({ statement, problem: rule.problem(match) });
    }
  }
  return findings;
}
