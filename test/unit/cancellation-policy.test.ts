import { describe, expect, it } from "vitest";
import { cancellationFeeOf, cancellationWindowOf } from "../../src/domain/cancellation-policy";
import { distanceKm } from "../../src/shared/geo";

const start = "2026-12-02T14:00:00.000Z";
const policy = { cancellationAvailable: true, cutoffMinutes: 30, feePercent: 25 };

describe("a show's cancellation window", () => {
  it("closes the theatre's own cut-off before the show, with its fee", () => {
    expect(cancellationWindowOf(policy, start, 120, new Date("2026-12-02T13:00:00Z"))).toEqual({
      until: "2026-12-02T13:30:00.000Z",
      feePercent: 25,
    });
  });

  it("falls back to the deployment's cut-off when the theatre names none", () => {
    const window = cancellationWindowOf(
      { ...policy, cutoffMinutes: null },
      start,
      120,
      new Date("2026-12-02T10:00:00Z"),
    );
    expect(window?.until).toBe("2026-12-02T12:00:00.000Z");
  });

  it("is gone once the cut-off has passed, and never exists where the theatre allows none", () => {
    expect(cancellationWindowOf(policy, start, 120, new Date("2026-12-02T13:30:00Z"))).toBeNull();
    expect(cancellationWindowOf({ ...policy, cancellationAvailable: false }, start, 120, new Date(0))).toBeNull();
  });
});

describe("distance between theatres and the visitor", () => {
  it("is the great-circle distance (0.01° of latitude ≈ 1.11 km)", () => {
    expect(distanceKm([12.9, 77.6], [12.91, 77.6])).toBeCloseTo(1.11, 2);
    expect(distanceKm([19.076, 72.8777], [28.6139, 77.209])).toBeCloseTo(1153, -1);
  });
});

describe("the fee a theatre keeps on a customer's cancel", () => {
  it("is its % of the tickets' price, not of the convenience fee, rounded as Postgres rounds", () => {
    expect(cancellationFeeOf(42_000, 2_000, 25)).toBe(10_000);
    expect(cancellationFeeOf(10_002, 0, 25)).toBe(2_501); // round(25.005, 2) = 25.01
    expect(cancellationFeeOf(10_001, 0, 25)).toBe(2_500);
    expect(cancellationFeeOf(30_000, 0, 12.5)).toBe(3_750);
    expect(cancellationFeeOf(30_000, 0, 0)).toBe(0);
  });
});
