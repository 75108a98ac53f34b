import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bestRowsOf,
  canAvoidStranding,
  freePositions,
  type HallRow,
  hallRows,
  orphanRuleRefusal,
  pickBestSeats,
  strandedBy,
} from "../../src/domain/best-seats";
import { DEFAULT_LAYOUT } from "../../src/domain/seat-layout";
import { layoutOf } from "../support/halls";

/** Every block of `n` free seats in one row, with the seats it strands (brute force). */
function allBlocks(rows: HallRow[], taken: Set<string>, n: number) {
  return rows.flatMap((row) => {
    const free = freePositions(row, taken);
    return Array.from({ length: Math.max(0, row.seats.length - n + 1) }, (_, start) => start)
      .filter((start) => free.slice(start, start + n).every(Boolean))
      .map((start) => {
        const chosen = new Set(Array.from({ length: n }, (_, i) => start + i));
        return { row, start, strands: strandedBy(row, free, chosen).length };
      });
  });
}

const hall = fc
  .array(fc.array(fc.constantFrom("1", "1", "1", "1", "."), { minLength: 1, maxLength: 14 }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((rows) => layoutOf(...rows.map((r) => r.join(""))));

const scenario = hall.chain((layout) => {
  const seats = hallRows(layout).flatMap((row) => row.seats.filter((s): s is string => s !== null));
  return fc.record({
    layout: fc.constant(layout),
    taken: fc.subarray(seats).map((s) => new Set(s)),
    quantity: fc.integer({ min: 1, max: 6 }),
    allowSplit: fc.boolean(),
  });
});

describe("best available (pure)", () => {
  it("picks the centre of the row two thirds back in an empty default hall", () => {
    const { rows, bestOrdinal } = bestRowsOf(DEFAULT_LAYOUT);
    expect(rows[bestOrdinal]?.label).toBe("G");
    expect(pickBestSeats(rows, bestOrdinal, new Set(), { quantity: 2 })).toMatchObject({ seatIds: ["G5", "G6"] });
    expect(pickBestSeats(rows, bestOrdinal, new Set(), { quantity: 3 })).toMatchObject({ seatIds: ["G4", "G5", "G6"] });
  });

  it("prefers a block stranding no seat over a closer one that strands one", () => {
    // Seven seats, A1 taken: A3-A4 (as central as A4-A5, and left-most) would leave A2 alone.
    const { rows } = bestRowsOf(layoutOf("1111111"));
    expect(pickBestSeats(rows, 0, new Set(), { quantity: 2 })).toMatchObject({ seatIds: ["A3", "A4"] });
    expect(pickBestSeats(rows, 0, new Set(["A1"]), { quantity: 2 })).toEqual({
      outcome: "PICKED",
      seatIds: ["A4", "A5"],
      split: false,
      strands: 0,
    });
  });

  it("falls back to one stranded seat, then to a split only when allowed, else says what is possible", () => {
    const layout = layoutOf("111", "111");
    const { rows } = bestRowsOf(layout);
    expect(pickBestSeats(rows, 1, new Set(["A3", "B3"]), { quantity: 1 })).toMatchObject({ strands: 1 });
    const taken = new Set(["A1", "B1"]);
    expect(pickBestSeats(rows, 1, taken, { quantity: 3 })).toEqual({
      outcome: "NO_BEST_SEATS",
      largestBlock: 2,
      available: 4,
    });
    expect(pickBestSeats(rows, 1, taken, { quantity: 3, allowSplit: true })).toMatchObject({
      outcome: "PICKED",
      split: true,
    });
  });

  it("never returns a taken seat and never strands a seat that another choice would not (property)", () => {
    fc.assert(
      fc.property(scenario, ({ layout, taken, quantity, allowSplit }) => {
        const { rows, bestOrdinal } = bestRowsOf(layout);
        const pick = pickBestSeats(rows, bestOrdinal, taken, { quantity, allowSplit });
        const blocks = allBlocks(rows, taken, quantity);
        if (pick.outcome === "NO_BEST_SEATS") {
          expect(blocks).toEqual([]);
          return;
        }
        expect(pick.seatIds).toHaveLength(quantity);
        for (const seat of pick.seatIds) expect(taken.has(seat)).toBe(false);
        expect(new Set(pick.seatIds).size).toBe(quantity);
        const fewest = Math.min(...blocks.map((b) => b.strands));
        if (blocks.length > 0) {
          expect(pick.split).toBe(false);
          expect(pick.strands).toBe(fewest);
          expect(fewest).toBeLessThanOrEqual(1);
        } else expect(allowSplit && pick.split).toBe(true);
        // What it says it strands is what it strands.
        const wanted = new Set(pick.seatIds);
        const strands = rows.reduce((sum, row) => {
          const free = freePositions(row, taken);
          const chosen = new Set(row.seats.flatMap((s, p) => (s !== null && wanted.has(s) ? [p] : [])));
          return sum + strandedBy(row, free, chosen).length;
        }, 0);
        expect(strands).toBe(pick.strands);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the orphan rule (pure)", () => {
  it("refuses a pick that strands one seat, naming it, when another as large does not", () => {
    const rows = hallRows(layoutOf("11111"));
    expect(orphanRuleRefusal(rows, new Set(), ["A2", "A3"])).toBe("A1");
    expect(orphanRuleRefusal(rows, new Set(), ["A1", "A2"])).toBeUndefined();
    // Gaps bound seats too: A3 sits alone between A2 and the aisle, and A4-A5 would leave nobody.
    expect(orphanRuleRefusal(hallRows(layoutOf("111.11")), new Set(), ["A1", "A2"])).toBe("A3");
    expect(orphanRuleRefusal(hallRows(layoutOf("111.11")), new Set(), ["A4", "A5"])).toBeUndefined();
    expect(orphanRuleRefusal(hallRows(layoutOf("111.11")), new Set(), ["A4"])).toBe("A5");
  });

  it("lets it be when no selection of that size in the row avoids it", () => {
    // Three free seats, two wanted: whichever two, one is left alone.
    const rows = hallRows(layoutOf("11111"));
    expect(orphanRuleRefusal(rows, new Set(["A4", "A5"]), ["A1", "A2"])).toBeUndefined();
    expect(orphanRuleRefusal(rows, new Set(["A4", "A5"]), ["A2", "A3"])).toBeUndefined();
  });

  it("knows when k seats of a row can strand none (property, against brute force)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (free, k) => {
          const row: HallRow = { ordinal: 0, label: "A", category: "S", seats: free.map((_, i) => `A${i + 1}`) };
          const positions = free.flatMap((f, p) => (f ? [p] : []));
          let possible = false;
          const visit = (from: number, chosen: number[]) => {
            if (possible) return;
            if (chosen.length === k) {
              possible = strandedBy(row, free, new Set(chosen)).length === 0;
              return;
            }
            for (let i = from; i < positions.length; i++) visit(i + 1, [...chosen, positions[i] as number]);
          };
          visit(0, []);
          expect(canAvoidStranding(free, k)).toBe(possible);
        },
      ),
      { numRuns: 400 },
    );
  });
});
