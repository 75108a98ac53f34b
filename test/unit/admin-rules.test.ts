import { describe, expect, it } from "vitest";
import { maskCustomerData, sees } from "../../src/admin/use-cases/list-audit";
import { pricedLayout } from "../../src/domain/pricing";
import { DEFAULT_LAYOUT } from "../../src/domain/seat-layout";
import { overlappingPairs, runStartTimes } from "../../src/domain/show-schedule";

describe("the audit log's customer data", () => {
  it("is shown to admins only; managers get email and phone masked, names kept", () => {
    expect(sees(["admin"]).customerData).toBe(true);
    expect(sees(["theatre_manager", "usher"]).customerData).toBe(false);
    const entry = {
      order: { customerEmail: "a@b.in", customerPhone: "+91 1", customerName: "Asha" },
      customer: { name: "Asha", email: "a@b.in", phone: null },
      staff: { email: "manager@cinema.in" },
    };
    expect(maskCustomerData(entry)).toEqual({
      order: { customerEmail: "•••", customerPhone: "•••", customerName: "Asha" },
      customer: { name: "Asha", email: "•••", phone: null },
      staff: { email: "manager@cinema.in" },
    });
  });
});

describe("show schedules", () => {
  it("expands a run in cinema time (IST), each day at each time, in order", () => {
    const starts = runStartTimes({ from: "2026-03-01", to: "2026-03-02", times: ["18:30", "10:00"] }, 330);
    expect(starts?.map((d) => d.toISOString())).toEqual([
      "2026-03-01T04:30:00.000Z",
      "2026-03-01T13:00:00.000Z",
      "2026-03-02T04:30:00.000Z",
      "2026-03-02T13:00:00.000Z",
    ]);
    expect(runStartTimes({ from: "2026-01-01", to: "2026-12-31", times: ["10:00"] }, 330)).toBeUndefined();
  });

  it("finds overlapping [start, hall free) ranges; touching ones do not overlap", () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    expect(
      overlappingPairs([
        { start: at(10), end: at(12) },
        { start: at(12), end: at(14) },
      ]),
    ).toEqual([]);
    expect(
      overlappingPairs([
        { start: at(13), end: at(15) },
        { start: at(10), end: at(14) },
      ]),
    ).toEqual([[1, 0]]);
  });

  it("prices a layout per show: each category's surcharge is its price over the lowest", () => {
    const layout = {
      ...DEFAULT_LAYOUT,
      categories: [...DEFAULT_LAYOUT.categories, { code: "VIP", name: "VIP", surcharge: "5.00" }],
    };
    expect(pricedLayout(layout, "150.00", { STANDARD: "150.00", VIP: "400.00" }).categories).toEqual([
      { code: "STANDARD", name: "Standard", surcharge: "0.00" },
      { code: "VIP", name: "VIP", surcharge: "250.00" },
    ]);
    expect(pricedLayout(layout, "150.00", null)).toBe(layout);
  });
});
