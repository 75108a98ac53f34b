import type { Paise } from "../shared/money";

/**
 * A theatre's cancellation policy as it applies to one show: whether a paid booking may still be
 * cancelled, until when, and what share the theatre keeps. One rule for the showtime list, checkout,
 * the ticket and the cancel itself, so the product never promises what the cancel then refuses.
 */
export interface TheatrePolicy {
  /** False: tickets of this theatre are never refunded on the customer's request. */
  cancellationAvailable: boolean;
  /** Minutes before the show when cancelling closes; null: the deployment's default. */
  cutoffMinutes: number | null;
  /** Share of the amount paid the theatre keeps on a customer's cancel, 0–100 (two decimals). */
  feePercent: number;
}

/** A theatre's policy from its stored columns (`theatres`: cut-off may be null, fee a numeric string). */
export const policyOfTheatre = (theatre: {
  cancellationAvailable: boolean;
  cancellationCutoffMinutes: number | null;
  cancellationFeePct: string;
}): TheatrePolicy => ({
  cancellationAvailable: theatre.cancellationAvailable,
  cutoffMinutes: theatre.cancellationCutoffMinutes,
  feePercent: Number(theatre.cancellationFeePct),
});

export interface CancellationWindow {
  /** ISO instant after which the booking can no longer be cancelled. */
  until: string;
  feePercent: number;
}

/** The window a show's bookings may be cancelled in, or null when they cannot be (any more). */
export function cancellationWindowOf(
  policy: TheatrePolicy,
  showStart: string,
  defaultCutoffMinutes: number,
  now: Date,
): CancellationWindow | null {
  if (!policy.cancellationAvailable) return null;
  const cutoff = policy.cutoffMinutes ?? defaultCutoffMinutes;
  const until = new Date(new Date(showStart).getTime() - cutoff * 60_000);
  if (until.getTime() <= now.getTime()) return null;
  return { until: until.toISOString(), feePercent: policy.feePercent };
}

/**
 * What the theatre keeps when a customer cancels a paid booking: its fee % of the tickets' price
 * (the amount paid less the convenience fee), rounded to the paisa as Postgres `round(numeric, 2)`
 * does in the cancel statement (order-store.ts: cancelOrder), which is what is actually refunded.
 */
export function cancellationFeeOf(paid: Paise, convenienceFee: Paise, feePercent: number): Paise {
  // feePercent has two decimals: work in hundredths of a percent to stay in integers.
  const basisPoints = Math.round(feePercent * 100);
  return Math.round(((paid - convenienceFee) * basisPoints) / 10_000);
}
