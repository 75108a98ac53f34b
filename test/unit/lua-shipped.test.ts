import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { luaSources, stripLua, writeShippedLua } from "../../dev/lua/shipped";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the Lua the worker ships", () => {
  it("drops comments, indentation and blank lines, and keeps strings byte for byte", () => {
    const source = `-- header comment
--[==[ a long
comment ]==]
local sep = '--' -- not a comment inside the string
  local q = "a \\" -- b"

    if x then return {'OK'} end  `;
    expect(stripLua(source)).toBe(
      ["local sep = '--'", 'local q = "a \\" -- b"', "if x then return {'OK'} end"].join("\n"),
    );
  });

  it("leaves a script with a long string untrimmed, so a multi-line string never changes", () => {
    const source = "local s = [[\n  two\n    lines -- kept\n]]\n  return s";
    expect(stripLua(source)).toBe(source);
  });

  it("ships every readable script, stripped, and nothing else", () => {
    writeShippedLua(ROOT);
    const pairs = luaSources(ROOT);
    expect(pairs.length).toBeGreaterThan(10);
    for (const [source, shipped] of pairs) {
      const text = readFileSync(path.join(ROOT, source), "utf8");
      expect(readFileSync(path.join(ROOT, shipped), "utf8")).toBe(stripLua(text));
      expect(stripLua(text).length).toBeLessThan(text.length);
    }
  });
});
