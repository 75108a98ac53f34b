import { describe, expect, it } from "vitest";
import {
  canTakeSeat,
  type GroupHall,
  type GroupSeat,
  groupAt,
  nearestGroup,
} from "../../web/src/features/booking/lib/seat-groups.ts";

/**
 * A hall from rows of cells: "." free, "x" booked, "h" held by someone else, " " a gap; laid out as
 * the seat map places it (rows centred on one axis).
 */
function hall(rows: Record<string, string>, categoryOf: (row: string) => string = () => "CLASSIC"): GroupHall {
  const width = Math.max(...Object.values(rows).map((r) => r.length));
  const byId = new Map<string, GroupSeat>();
  const placedRows: GroupSeat[][] = [];
  Object.entries(rows).forEach(([label, cells], rowIndex) => {
    let n = 0;
    const seats = [...cells].map((c) => (c === " " ? null : { seatId: `${label}${++n}`, cell: c }));
    const row = { category: categoryOf(label), seats };
    const placed: GroupSeat[] = [];
    seats.forEach((s, col) => {
      if (!s) return;
      const state = s.cell === "x" ? "BOOKED" : s.cell === "h" ? "HELD" : "AVAILABLE";
      const p: GroupSeat = {
        seat: { seatId: s.seatId, state, mine: false },
        row,
        rowIndex,
        x: col + (width - cells.length) / 2,
      };
      byId.set(s.seatId, p);
      placed.push(p);
    });
    placedRows.push(placed);
  });
  return { byId, rows: placedRows };
}

const at = (h: GroupHall, id: string): GroupSeat => {
  const p = h.byId.get(id);
  if (!p) throw new Error(`no seat ${id}`);
  return p;
};

const none = new Set<string>();

describe("web seat map: moving a group with one tap", () => {
  it("puts the group side by side starting at the tapped seat, else slid left while it keeps the seat", () => {
    const placed = hall({ A: "......", B: "..x..." });
    const take = canTakeSeat(none, none);
    expect(groupAt(placed, at(placed, "A2"), 3, take)).toEqual(["A2", "A3", "A4"]);
    // From A5 three seats don't fit to the right: slid left to A4–A6.
    expect(groupAt(placed, at(placed, "A5"), 3, take)).toEqual(["A4", "A5", "A6"]);
    // B2 has a booked seat beside it: no three together include it.
    expect(groupAt(placed, at(placed, "B2"), 3, take)).toBeNull();
  });

  it("never runs a group across a gap, and counts the visitor's own selected seats as theirs", () => {
    const placed = hall({ A: ".. ..." });
    expect(groupAt(placed, at(placed, "A2"), 3, canTakeSeat(none, none))).toBeNull();
    expect(groupAt(placed, at(placed, "A3"), 3, canTakeSeat(new Set(["A4"]), none))).toEqual(["A3", "A4", "A5"]);
  });
});

describe("web seat map: the nearest seats like a taken one", () => {
  it("offers the nearest free run of the same size in the same category, a row away counting more than two seats along", () => {
    const placed = hall({ A: "......", B: "hh....", C: "......" }, (row) => (row === "C" ? "PRIME" : "CLASSIC"));
    const group = ["B1", "B2"].map((id) => at(placed, id));
    // B1 and B2 were just taken: B3–B4 sit next to them in the same row.
    expect(nearestGroup(placed, group, 2, canTakeSeat(none, none))).toEqual(["B3", "B4"]);
    // Prime seats (row C) are never offered for a Classic one.
    const wholeRowTaken = hall({ A: "xx....", B: "hhhhhh", C: "......" }, (r) => (r === "C" ? "PRIME" : "CLASSIC"));
    const around = ["B1", "B2"].map((id) => at(wholeRowTaken, id));
    expect(nearestGroup(wholeRowTaken, around, 2, canTakeSeat(none, none))).toEqual(["A3", "A4"]);
  });
});
