import { describe, expect, it } from "vitest";
import { policyLine, ticketPolicyNote } from "../../web/src/lib/cancellation-words.ts";

// The policy line at checkout and pay (CancellationPolicy renders `policyLine`) and on the ticket, for a show past its
// cut-off: never "cancellable", and named for what it is — no longer cancellable, not a theatre
// that refunds nothing.
const past = { until: new Date(Date.now() - 60_000).toISOString(), feePercent: 25 };
const open = { until: new Date(Date.now() + 3_600_000).toISOString(), feePercent: 25 };
const line = (window: typeof past | null, theatreAllows: boolean) => policyLine(window, theatreAllows);

describe("web policy line", () => {
  it("says a show past its cut-off is no longer cancellable, never cancellable", () => {
    const words = line(past, true);
    expect(words).not.toMatch(/cancellable until|cancellation available/i);
    expect(words).toMatch(/^No longer cancellable/);
  });

  it("says non-cancellable where the theatre allows none, and the window while it is open", () => {
    expect(line(null, false)).toMatch(/^Non-cancellable/);
    expect(line(open, true)).toMatch(/^Cancellable until \d{1,2}:\d{2}\s?[ap]m · 25 % fee$/i);
  });

  it("never tells a ticket past its cut-off to cancel in My bookings", () => {
    // The order was cancellable when read; the page has stayed open past the cut-off.
    const note = ticketPolicyNote({ cancellable: true, cancellation: past }, true);
    expect(note).not.toMatch(/cancel in My bookings|cancellable until/i);
    expect(note).toBe("It can no longer be cancelled.");
    expect(ticketPolicyNote({ cancellable: true, cancellation: open }, true)).toMatch(
      /^Cancellable until .+: cancel in My bookings\.$/,
    );
    expect(ticketPolicyNote({ cancellable: false, cancellation: null }, false)).toBe(
      "This theatre does not allow cancellations.",
    );
  });
});
