import { describe, expect, it } from "vitest";
import { csvField, reportCsv, reportOf, type ShowFigures, zeroSums } from "../../src/domain/report";

const show = (over: Partial<ShowFigures>): ShowFigures => ({
  showId: "s1",
  startTime: "2026-12-02T14:00:00.000Z",
  movieId: "m1",
  movieTitle: "Film",
  theatreId: "t1",
  theatreName: "Hall",
  ...zeroSums(),
  capacity: 100,
  ...over,
});

describe("report figures", () => {
  it("sums shows into groups and derives the rates from the sums, never averaging them", () => {
    const figures = [
      show({ showId: "a", seatsSold: 10, holds: 10, orders: 6, holdsReleased: 2, paymentsStarted: 5, paidOnline: 4 }),
      show({
        showId: "b",
        seatsSold: 90,
        holds: 30,
        orders: 30,
        paymentsStarted: 25,
        paidOnline: 25,
        grossPaise: 1_000_050,
      }),
    ];
    const { rows, totals } = reportOf(figures, "movie");
    expect(rows).toHaveLength(1);
    expect(totals).toMatchObject({ shows: 2, capacity: 200, seatsSold: 100, occupancy: 0.5, gross: "10000.50" });
    // (40 holds − 36 orders − 2 released) / 40, and 29 paid of 30 checkouts.
    expect(totals.funnel).toMatchObject({ holdExpiryRate: 0.05, paymentSuccessRate: 0.9667 });
    expect(reportOf([], "day").totals).toMatchObject({ shows: 0, occupancy: 0, funnel: { holdExpiryRate: 0 } });
  });

  it("days are the cinemas' calendar days (IST), not UTC's", () => {
    const late = show({ showId: "late", startTime: "2026-12-02T19:00:00.000Z" }); // 00:30 on the 3rd in India
    expect(reportOf([late], "day").rows[0]?.key).toBe("2026-12-03");
    expect(reportOf([late], "show").rows[0]?.label).toBe("Film · Hall · 2026-12-03 00:30");
  });
});

describe("CSV", () => {
  it("quotes fields with commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(csvField('Hall "A", upstairs')).toBe('"Hall ""A"", upstairs"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(0.25)).toBe("0.25");
  });

  it("keeps text a spreadsheet would run as a formula as text", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("writes a header, a line per group and the totals, CRLF-terminated", () => {
    const csv = reportCsv(reportOf([show({ movieTitle: "Hello, World" })], "movie"));
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]?.startsWith('m1,"Hello, World",1,100,')).toBe(true);
    expect(lines[2]?.startsWith("total,Total,1,100,")).toBe(true);
    expect(lines[3]).toBe("");
  });
});
