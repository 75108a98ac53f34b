import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetTagOfHold, isHoldId, newHoldId, showIdOfHold } from "../../src/domain/hold-id";
import { formatPaise, toPaise } from "../../src/domain/money";
import { DEFAULT_LAYOUT, type SeatLayout, seatIdsOf, seatLayoutSchema } from "../../src/domain/seat-layout";
import {
  bookingClosedReason,
  checkSelection,
  priceSelection,
  SEAT_ID,
  seatIndex,
  sortSeats,
} from "../../src/domain/seat-selection";
import { showStatusOf } from "../../src/domain/show-schedule";
import { cinemaDayBounds, cinemaInstant, cinemaToday, cinemaWallTime } from "../../src/shared/cinema-time";

/**
 * A small hall with aisles, a numbering gap and three price categories:
 *   A (RECLINER +150.00):  1  2  _  3  4
 *   B (PRIME     +50.50):  _  1  2  3  _
 *   C (CLASSIC    +0.00):  1  2  _  _  5  6      (no C3, C4: the gap is in the numbering too)
 */
const GAPPY: SeatLayout = seatLayoutSchema.parse({
  categories: [
    { code: "RECLINER", name: "Recliner", surcharge: "150.00" },
    { code: "PRIME", name: "Prime", surcharge: "50.50" },
    { code: "CLASSIC", name: "Classic", surcharge: "0.00" },
  ],
  rows: [
    { label: "A", category: "RECLINER", columns: [1, 2, null, 3, 4] },
    { label: "B", category: "PRIME", columns: [null, 1, 2, 3, null] },
    { label: "C", category: "CLASSIC", columns: [1, 2, null, null, 5, 6] },
  ],
});

const ALL_DEFAULT = seatIdsOf(DEFAULT_LAYOUT);

describe("seat layout basics", () => {
  it("the default hall is rows A–J × seats 1–10, front row first", () => {
    expect(ALL_DEFAULT).toHaveLength(100);
    expect(ALL_DEFAULT.slice(0, 3)).toEqual(["A1", "A2", "A3"]);
    expect(ALL_DEFAULT.at(-1)).toBe("J10");
    for (const id of ALL_DEFAULT) expect(id).toMatch(SEAT_ID);
  });

  it("gaps are not seats", () => {
    expect(seatIdsOf(GAPPY)).toEqual(["A1", "A2", "A3", "A4", "B1", "B2", "B3", "C1", "C2", "C5", "C6"]);
    expect(seatIndex(GAPPY).get("B2")).toEqual({ seatId: "B2", row: "B", number: 2, category: "PRIME" });
    expect(seatIndex(GAPPY).has("C3")).toBe(false);
  });
});

describe("checkSelection", () => {
  const MAX = 10;

  it("accepts 1 seat and exactly max seats (the boundaries)", () => {
    expect(checkSelection(DEFAULT_LAYOUT, ["A1"], 1, MAX)).toBeUndefined();
    const ten = ALL_DEFAULT.slice(0, 10);
    expect(checkSelection(DEFAULT_LAYOUT, ten, 10, MAX)).toBeUndefined();
    expect(checkSelection(DEFAULT_LAYOUT, ["J10"], 1, 1)).toBeUndefined();
  });

  it("refuses 0 seats and max + 1 seats (SEAT_COUNT)", () => {
    expect(checkSelection(DEFAULT_LAYOUT, [], 0, MAX)).toEqual({
      rule: "SEAT_COUNT",
      message: "Choose between 1 and 10 seats",
    });
    const eleven = ALL_DEFAULT.slice(0, 11);
    expect(checkSelection(DEFAULT_LAYOUT, eleven, 11, MAX)?.rule).toBe("SEAT_COUNT");
    expect(checkSelection(DEFAULT_LAYOUT, ["A1", "A2"], 2, 1)).toEqual({
      rule: "SEAT_COUNT",
      message: "Choose between 1 and 1 seats",
    });
    expect(checkSelection(DEFAULT_LAYOUT, ALL_DEFAULT.slice(0, 5), 5, 4)?.message).toBe("Choose between 1 and 4 seats");
  });

  it("the seat count is checked before everything else", () => {
    // 11 seats, wrong quantity, duplicates, unknown seats: the count is what is reported.
    const bad = [...ALL_DEFAULT.slice(0, 9), "A1", "Z9"];
    expect(checkSelection(DEFAULT_LAYOUT, bad, 3, MAX)?.rule).toBe("SEAT_COUNT");
  });

  it("quantity must equal the number of seats (QUANTITY_MISMATCH)", () => {
    expect(checkSelection(DEFAULT_LAYOUT, ["A1", "A2"], 3, MAX)).toEqual({
      rule: "QUANTITY_MISMATCH",
      message: "quantity is 3 but 2 seats were given",
    });
    expect(checkSelection(DEFAULT_LAYOUT, ["A1", "A2"], 1, MAX)?.rule).toBe("QUANTITY_MISMATCH");
    expect(checkSelection(DEFAULT_LAYOUT, ["A1"], 0, MAX)?.rule).toBe("QUANTITY_MISMATCH");
    // before duplicates and unknown seats
    expect(checkSelection(DEFAULT_LAYOUT, ["A1", "A1", "Z1"], 2, MAX)?.rule).toBe("QUANTITY_MISMATCH");
  });

  it("no seat twice (DUPLICATE_SEATS), each duplicate named once", () => {
    expect(checkSelection(DEFAULT_LAYOUT, ["A1", "A2", "A1"], 3, MAX)).toEqual({
      rule: "DUPLICATE_SEATS",
      message: "A seat appears more than once",
      seats: ["A1"],
    });
    const problem = checkSelection(DEFAULT_LAYOUT, ["B3", "A1", "B3", "A1", "B3"], 5, MAX);
    expect(problem?.rule).toBe("DUPLICATE_SEATS");
    expect(problem && "seats" in problem ? [...problem.seats].sort() : []).toEqual(["A1", "B3"]);
    // duplicates are reported before unknown seats
    expect(checkSelection(DEFAULT_LAYOUT, ["Z1", "Z1"], 2, MAX)?.rule).toBe("DUPLICATE_SEATS");
  });

  it("every seat must exist in the default hall (UNKNOWN_SEATS), naming exactly the unknown ones", () => {
    expect(checkSelection(DEFAULT_LAYOUT, ["A11", "A1", "K1", "J10", "A0"], 5, MAX)).toEqual({
      rule: "UNKNOWN_SEATS",
      message: "These seats do not exist in this hall",
      seats: ["A11", "K1", "A0"],
    });
    expect(checkSelection(DEFAULT_LAYOUT, ["a1"], 1, MAX)?.rule).toBe("UNKNOWN_SEATS");
    expect(checkSelection(DEFAULT_LAYOUT, ["AA1"], 1, MAX)?.rule).toBe("UNKNOWN_SEATS");
  });

  it("on a hall with gaps, aisles and numbering gaps are unknown seats", () => {
    expect(checkSelection(GAPPY, ["A1", "A4", "B1", "B3", "C5", "C6"], 6, MAX)).toBeUndefined();
    expect(checkSelection(GAPPY, ["A1", "A5", "B4", "C3", "C4", "C7", "D1"], 7, MAX)).toEqual({
      rule: "UNKNOWN_SEATS",
      message: "These seats do not exist in this hall",
      seats: ["A5", "B4", "C3", "C4", "C7", "D1"],
    });
    // B has its aisle on the left: the first grid cell is not seat B1's neighbour "B0"
    expect(checkSelection(GAPPY, ["B0"], 1, MAX)?.rule).toBe("UNKNOWN_SEATS");
  });

  it("any 1..max distinct seats of the hall are accepted (property)", () => {
    const all = seatIdsOf(GAPPY);
    fc.assert(
      fc.property(fc.subarray(all, { minLength: 1, maxLength: 4 }), (seats) => {
        expect(checkSelection(GAPPY, seats, seats.length, 4)).toBeUndefined();
      }),
    );
  });
});

describe("priceSelection", () => {
  it("adds each category's surcharge to the base price, exactly in paise", () => {
    const { seats, amount } = priceSelection(GAPPY, "200.00", ["A1", "B2", "C5"]);
    expect(seats).toEqual([
      { seatId: "A1", category: "RECLINER", price: "350.00" },
      { seatId: "B2", category: "PRIME", price: "250.50" },
      { seatId: "C5", category: "CLASSIC", price: "200.00" },
    ]);
    expect(amount).toBe("800.50");
  });

  it("sums without floating-point drift", () => {
    // 0.1 + 0.2 in floating point is 0.30000000000000004; paise never are.
    const layout: SeatLayout = {
      categories: [{ code: "X", name: "X", surcharge: "0.20" }],
      rows: [{ label: "A", category: "X", columns: [1, 2, 3] }],
    };
    const { seats, amount } = priceSelection(layout, "0.10", ["A1", "A2", "A3"]);
    expect(seats.map((s) => s.price)).toEqual(["0.30", "0.30", "0.30"]);
    expect(amount).toBe("0.90");
    expect(priceSelection(GAPPY, "99.99", ["B1", "B2", "B3"]).amount).toBe("451.47"); // 3 × 150.49
  });

  it("the default hall: base price times seats; no seats cost nothing", () => {
    expect(priceSelection(DEFAULT_LAYOUT, "250", ["A1", "B2", "C3", "D4"])).toEqual({
      seats: ["A1", "B2", "C3", "D4"].map((seatId) => ({ seatId, category: "STANDARD", price: "250.00" })),
      amount: "1000.00",
    });
    expect(priceSelection(DEFAULT_LAYOUT, "250.00", [])).toEqual({ seats: [], amount: "0.00" });
  });

  it("keeps the order of the seats it was given", () => {
    const { seats } = priceSelection(GAPPY, "100.00", ["C1", "A1"]);
    expect(seats.map((s) => s.seatId)).toEqual(["C1", "A1"]);
  });

  it("the total is the sum of the seat prices (property)", () => {
    const all = seatIdsOf(GAPPY);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.subarray(all), (basePaise, seats) => {
        const priced = priceSelection(GAPPY, formatPaise(basePaise), seats);
        const sum = priced.seats.reduce((total, s) => total + toPaise(s.price), 0);
        expect(toPaise(priced.amount)).toBe(sum);
        const surcharge = { RECLINER: 15_000, PRIME: 5_050, CLASSIC: 0 } as Record<string, number>;
        for (const s of priced.seats) expect(toPaise(s.price)).toBe(basePaise + (surcharge[s.category] ?? NaN));
      }),
    );
  });
});

describe("sortSeats", () => {
  it("orders by row as the layout lists them, then by seat number (not as text)", () => {
    expect(sortSeats(DEFAULT_LAYOUT, ["B2", "A10", "J1", "A2", "A1"])).toEqual(["A1", "A2", "A10", "B2", "J1"]);
  });

  it("follows the layout's row order, not the alphabet", () => {
    const layout: SeatLayout = {
      categories: [{ code: "S", name: "S", surcharge: "0.00" }],
      rows: [
        { label: "Z", category: "S", columns: [1, 2] },
        { label: "AA", category: "S", columns: [2, 1] },
      ],
    };
    expect(sortSeats(layout, ["AA1", "Z2", "AA2", "Z1"])).toEqual(["Z1", "Z2", "AA2", "AA1"]);
  });

  it("on a hall with gaps, and without touching its input", () => {
    const input = ["C6", "B1", "A4", "C1", "A1"];
    expect(sortSeats(GAPPY, input)).toEqual(["A1", "A4", "B1", "C1", "C6"]);
    expect(input).toEqual(["C6", "B1", "A4", "C1", "A1"]);
  });

  it("is a permutation that sorts by layout position (property)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ALL_DEFAULT), (seats) => {
        const sorted = sortSeats(DEFAULT_LAYOUT, seats);
        expect([...sorted].sort()).toEqual([...seats].sort());
        const positions = sorted.map((s) => ALL_DEFAULT.indexOf(s));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });
});

describe("bookingClosedReason", () => {
  const now = new Date("2030-01-01T12:00:00.000Z");
  it("open until the show starts, closed from its start time or when cancelled", () => {
    expect(bookingClosedReason({ status: "AVAILABLE", startTime: "2030-01-01T12:00:00.001Z" }, now)).toBeUndefined();
    expect(bookingClosedReason({ status: "AVAILABLE", startTime: "2030-01-01T12:00:00.000Z" }, now)).toMatch(/started/);
    expect(bookingClosedReason({ status: "CANCELLED", startTime: "2031-01-01T00:00:00.000Z" }, now)).toMatch(
      /cancelled/,
    );
  });
});

describe("hold ids", () => {
  const SHOW = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  const RANDOM = Uint8Array.from({ length: 12 }, (_, i) => i * 17 + 3);
  const TAG = "AddrBudgetTag-_9";

  it("fixed random bytes give a fixed id: base64url(show's 16 bytes ‖ 12 random bytes) ‖ the budget tag", () => {
    expect(newHoldId(SHOW, TAG, RANDOM)).toBe(`Dx4tPEtaaXiHlqW0w9Lh8AMUJTZHWGl6i5ytvg${TAG}`);
    // the same, computed independently
    const bytes = Buffer.concat([Buffer.from(SHOW.replace(/-/g, ""), "hex"), Buffer.from(RANDOM)]);
    expect(newHoldId(SHOW, TAG, RANDOM)).toBe(`${bytes.toString("base64url")}${TAG}`);
    expect(newHoldId("00000000-0000-0000-0000-000000000000", TAG, new Uint8Array(12))).toBe(`${"A".repeat(38)}${TAG}`);
    expect(newHoldId("ffffffff-ffff-ffff-ffff-ffffffffffff", TAG, new Uint8Array(12).fill(255))).toBe(
      `${"_".repeat(37)}w${TAG}`,
    );
  });

  it("names its show (round trip), 54 url-safe characters, its budget tag back, random by default", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uint8Array({ minLength: 12, maxLength: 12 }), (showId, random) => {
        const id = newHoldId(showId, TAG, random);
        expect(id).toMatch(/^[A-Za-z0-9_-]{54}$/);
        expect(budgetTagOfHold(id)).toBe(TAG);
        expect(showIdOfHold(id)).toBe(showId.toLowerCase());
        expect(isHoldId(id)).toBe(true);
      }),
    );
    const a = newHoldId(SHOW, TAG);
    const b = newHoldId(SHOW, TAG);
    expect(a).not.toBe(b);
    expect(showIdOfHold(a)).toBe(SHOW);
    expect(showIdOfHold(newHoldId(SHOW.toUpperCase(), TAG, RANDOM))).toBe(SHOW);
  });

  it("rejects garbage, wrong lengths and non-base64url text", () => {
    const good = newHoldId(SHOW, TAG, RANDOM);
    const bad = [
      "",
      "hello",
      SHOW,
      good.slice(0, 37),
      `${good}A`,
      `${good}AA`,
      good.slice(0, 36),
      `${good.slice(0, 37)}=`,
      `${good.slice(0, 10)}+${good.slice(11)}`,
      `${good.slice(0, 10)}/${good.slice(11)}`,
      `${good.slice(0, 10)}.${good.slice(11)}`,
      `${good.slice(0, 10)} ${good.slice(11)}`,
      ` ${good.slice(1)}`,
      Buffer.from(SHOW.replace(/-/g, ""), "hex").toString("base64url"), // a show id alone
    ];
    for (const text of bad) {
      expect(showIdOfHold(text), JSON.stringify(text)).toBeUndefined();
      expect(isHoldId(text), JSON.stringify(text)).toBe(false);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        fc.pre(text.length !== 54);
        expect(showIdOfHold(text)).toBeUndefined();
      }),
    );
  });

  it("refuses to make an id from a non-UUID or the wrong number of random bytes", () => {
    expect(() => newHoldId("not-a-uuid", TAG, RANDOM)).toThrow(RangeError);
    expect(() => newHoldId(`${SHOW}0`, TAG, RANDOM)).toThrow(RangeError);
    expect(() => newHoldId(SHOW, TAG, new Uint8Array(11))).toThrow(RangeError);
    expect(() => newHoldId(SHOW, TAG, new Uint8Array(13))).toThrow(RangeError);
    expect(() => newHoldId(SHOW, TAG.slice(1), RANDOM)).toThrow(RangeError);
    expect(() => newHoldId(SHOW, `${TAG.slice(1)}+`, RANDOM)).toThrow(RangeError);
  });
});

describe("money", () => {
  it("toPaise reads decimal strings", () => {
    expect(toPaise("0.5")).toBe(50);
    expect(toPaise("10")).toBe(1000);
    expect(toPaise("250.00")).toBe(25_000);
    expect(toPaise("0.05")).toBe(5);
    expect(toPaise("0")).toBe(0);
    expect(toPaise("1234.56")).toBe(123_456);
    expect(toPaise(" 12.3 ")).toBe(1230);
    expect(toPaise("007.10")).toBe(710);
  });

  it("toPaise refuses anything else", () => {
    for (const text of ["-1", "1.234", "abc", "", ".5", "1.", "1e3", "+1", "1,000.00", "Infinity", "NaN", "0x10"]) {
      expect(() => toPaise(text), JSON.stringify(text)).toThrow(RangeError);
    }
  });

  it("formatPaise writes two decimals", () => {
    expect(formatPaise(0)).toBe("0.00");
    expect(formatPaise(5)).toBe("0.05");
    expect(formatPaise(50)).toBe("0.50");
    expect(formatPaise(1000)).toBe("10.00");
    expect(formatPaise(25_000)).toBe("250.00");
    expect(formatPaise(123_456)).toBe("1234.56");
  });

  it("formatPaise refuses negatives and non-integers", () => {
    for (const paise of [-1, -0.5, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => formatPaise(paise), String(paise)).toThrow(RangeError);
    }
  });

  it("round trips (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (paise) => {
        const text = formatPaise(paise);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(toPaise(text)).toBe(paise);
      }),
    );
  });
});

describe("show schedule (IST, UTC+05:30)", () => {
  it("cinemaInstant and cinemaWallTime: the wall clock and its instant, both ways", () => {
    expect(cinemaInstant("2026-12-02", "19:30")).toBe("2026-12-02T19:30:00+05:30");
    expect(new Date(cinemaInstant("2026-12-02", "00:10:00")).toISOString()).toBe("2026-12-01T18:40:00.000Z");
    const wall = cinemaWallTime("2026-12-01T18:40:00.000Z");
    expect([wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()]).toEqual([2, 0, 10]);
    expect(cinemaWallTime(new Date(cinemaInstant("2026-12-31", "23:59:59"))).toISOString()).toBe(
      "2026-12-31T23:59:59.000Z",
    );
  });

  it("cinemaDayBounds: a local day starts at 18:30 UTC the day before", () => {
    expect(cinemaDayBounds("2025-03-10")).toEqual({
      from: new Date("2025-03-09T18:30:00.000Z"),
      to: new Date("2025-03-10T18:30:00.000Z"),
    });
    // across a year boundary and a leap day
    expect(cinemaDayBounds("2025-01-01").from).toEqual(new Date("2024-12-31T18:30:00.000Z"));
    expect(cinemaDayBounds("2024-03-01").from).toEqual(new Date("2024-02-29T18:30:00.000Z"));
    expect(cinemaDayBounds("2024-02-29").to).toEqual(new Date("2024-02-29T18:30:00.000Z"));
  });

  it("cinemaToday flips at 18:30 UTC, not at midnight UTC", () => {
    expect(cinemaToday(new Date("2025-03-09T18:29:59.999Z"))).toBe("2025-03-09");
    expect(cinemaToday(new Date("2025-03-09T18:30:00.000Z"))).toBe("2025-03-10");
    expect(cinemaToday(new Date("2025-03-09T23:59:59.999Z"))).toBe("2025-03-10");
    expect(cinemaToday(new Date("2025-03-10T00:00:00.000Z"))).toBe("2025-03-10");
    expect(cinemaToday(new Date("2024-12-31T18:30:00.000Z"))).toBe("2025-01-01");
  });

  it("an instant lies in the bounds of its own local day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const { from, to } = cinemaDayBounds(cinemaToday(new Date(ms)));
        expect(from.getTime()).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(to.getTime());
      }),
    );
  });

  it("showStatusOf: FILLING_FAST from 60 % sold, ALMOST_FULL from 90 %", () => {
    expect(showStatusOf("AVAILABLE", 100, 0)).toBe("AVAILABLE");
    expect(showStatusOf("AVAILABLE", 100, 59)).toBe("AVAILABLE");
    expect(showStatusOf("AVAILABLE", 100, 60)).toBe("FILLING_FAST");
    expect(showStatusOf("AVAILABLE", 100, 89)).toBe("FILLING_FAST");
    expect(showStatusOf("AVAILABLE", 100, 90)).toBe("ALMOST_FULL");
    expect(showStatusOf("AVAILABLE", 100, 100)).toBe("ALMOST_FULL");
    expect(showStatusOf("AVAILABLE", 10, 6)).toBe("FILLING_FAST");
    expect(showStatusOf("AVAILABLE", 30, 27)).toBe("ALMOST_FULL");
    expect(showStatusOf("AVAILABLE", 0, 0)).toBe("ALMOST_FULL"); // a hall without seats is full
    // the stored badge is recomputed; only CANCELLED sticks
    expect(showStatusOf("ALMOST_FULL", 100, 0)).toBe("AVAILABLE");
    expect(showStatusOf("CANCELLED", 100, 0)).toBe("CANCELLED");
    expect(showStatusOf("CANCELLED", 100, 100)).toBe("CANCELLED");
  });

  it("showStatusOf agrees with exact integer thresholds (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((capacity) => fc.tuple(fc.constant(capacity), fc.nat(capacity))),
        ([capacity, taken]) => {
          const expected =
            taken * 10 >= capacity * 9 ? "ALMOST_FULL" : taken * 10 >= capacity * 6 ? "FILLING_FAST" : "AVAILABLE";
          expect(showStatusOf("AVAILABLE", capacity, taken)).toBe(expected);
        },
      ),
    );
  });
});
