import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { lockOwner, replies, type ScriptName, userOfLockOwner } from "../../src/seats/redis-contract";
import { ERROR_CODES } from "../../src/shared/error-codes";

const LUA = path.join(import.meta.dirname, "../../src/seats/lua");
const lua = (file: string) => readFileSync(path.join(LUA, file), "utf8");

const files: Record<ScriptName, string> = {
  hold: "hold-seats.lua",
  holdBest: "hold-best-seats.lua",
  change: "change-held-seats.lua",
  release: "release-hold.lua",
  read: "read-seat-states.lua",
  order: "order-hold.lua",
  undoOrder: "undo-order-hold.lua",
  settle: "settle-order-seats.lua",
  moveOwner: "move-hold-owner.lua",
  rebuild: "rebuild-show-state.lua",
};

/** Outcome names written literally in Lua: `return {'X', …}`, `return nil, {'X'}`, `table.insert(t, 1, 'X')`. */
function literalOutcomes(source: string): string[] {
  return [
    ...source.matchAll(/return (?:nil, )?\{'([A-Z_]+)'/g),
    ...source.matchAll(/table\.insert\(\w+, 1, '([A-Z_]+)'\)/g),
  ].map((m) => m[1] as string);
}

/** The prelude's helpers that hand a refusal back to their script, with the outcomes they name. */
const preludeRefusals = new Map(
  `${lua("prelude.lua")}\n${lua("hall.lua")}`
    .split(/^(?=local function )/m)
    .map((block) => [/^local function (\w+)/.exec(block)?.[1], literalOutcomes(block)] as const)
    .filter((entry): entry is [string, string[]] => entry[0] !== undefined && entry[1].length > 0),
);

/** The outcome names a script can answer with: its own literals and those of the prelude helpers it calls. */
function luaOutcomes(source: string): Set<string> {
  const viaPrelude = [...preludeRefusals].filter(([name]) => source.includes(`${name}(`)).flatMap(([, names]) => names);
  return new Set([...literalOutcomes(source), ...viaPrelude]);
}

/** The outcome names the TypeScript side parses: the literal first element of each reply tuple. */
function parsedOutcomes(schema: (typeof replies)[ScriptName]): Set<string> {
  const options =
    schema.def.type === "union" ? (schema.def.options as readonly z.ZodMiniTuple[]) : [schema as z.ZodMiniTuple];
  return new Set(options.map((tuple) => String((tuple.def.items[0] as z.ZodMiniLiteral).def.values[0])));
}

describe("the Redis contract", () => {
  it.each(Object.entries(files))("%s: Lua answers exactly the outcomes TypeScript parses", (name, file) => {
    expect([...luaOutcomes(lua(file))].sort()).toEqual([...parsedOutcomes(replies[name as ScriptName])].sort());
  });

  it("every Lua file is a known script or the prelude", () => {
    expect(readdirSync(LUA).sort()).toEqual([...Object.values(files), "prelude.lua", "hall.lua"].sort());
  });

  it("refusals that reach HTTP carry their outcome name as the error code", () => {
    for (const code of [
      "SEAT_TAKEN",
      "HOLD_LIMIT",
      "HOLD_NOT_FOUND",
      "HOLD_EXPIRED",
      "HOLD_CHANGED",
      "HOLD_NOT_CHANGEABLE",
      "SEAT_STRANDED",
      "NO_BEST_SEATS",
    ]) {
      expect(ERROR_CODES).toHaveProperty(code);
    }
    // A swap's success is not a race: the two never share a name again.
    expect(parsedOutcomes(replies.change)).toContain("SWAPPED");
    expect(parsedOutcomes(replies.change)).not.toContain("CHANGED");
  });

  it("only the prelude builds a lock owner, and every script uses the prelude's", () => {
    expect(lua("prelude.lua")).toContain("local function lock_owner(user_id, hold_id)");
    for (const file of Object.values(files)) {
      expect(lua(file), file).not.toMatch(/\.\.\s*':'\s*\.\./);
    }
  });

  it("a lock owner names its user, even one whose id contains the separator", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/), (userId, holdId) => {
        expect(userOfLockOwner(lockOwner(userId, holdId))).toBe(userId);
      }),
    );
  });

  it("a reply off the contract is an error, not a guess", () => {
    expect(() => replies.hold.parse(["OK"])).toThrow();
    expect(() => replies.order.parse(["ORDERED", "{not json"])).toThrow();
    expect(() => replies.order.parse(["ORDERED", JSON.stringify({ status: "ORDERED" })])).toThrow();
    expect(replies.hold.parse(["SEAT_TAKEN", "A1", "A2"])).toEqual(["SEAT_TAKEN", "A1", "A2"]);
  });
});
