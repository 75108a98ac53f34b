// A booking's cancellation window in words, one wording for every page (showtimes, checkout, pay,
// ticket). The window is the API's (`cancellation: {until, feePercent}`, null when there is none);
// it is re-checked against the clock, so a page left open past the cut-off stops promising a cancel.

import { formatShowTime } from "./format-show";

export interface CancellationWindow {
  until: string;
  feePercent: number;
}

/** The window, if it is still open now. */
export const openWindow = <W extends CancellationWindow>(window: W | null | undefined, now = Date.now()) =>
  window && new Date(window.until).getTime() > now ? window : null;

/** "25 % fee" or "full refund". */
export const feeWords = (window: CancellationWindow) =>
  window.feePercent > 0 ? `${window.feePercent} % fee` : "full refund";

/** "Cancellable until 6:50 pm · 25 % fee" while the window is open. */
const openWords = (open: CancellationWindow) => `Cancellable until ${formatShowTime(open.until)} · ${feeWords(open)}`;

/**
 * The policy line of a show or order, as it stands now: open, "No longer cancellable" once past
 * its cut-off (where the theatre does cancel), or "Non-cancellable" (a theatre that cancels none).
 */
export function policyLine(
  window: CancellationWindow | null | undefined,
  theatreAllows: boolean,
  now = Date.now(),
): string {
  const open = openWindow(window, now);
  if (open) return openWords(open);
  return theatreAllows
    ? "No longer cancellable (the cut-off for this show has passed)"
    : "Non-cancellable (this theatre doesn't refund tickets)";
}

/** The ticket's footnote: cancel in My bookings only while the window is still open. */
export function ticketPolicyNote(
  order: { cancellable: boolean; cancellation: CancellationWindow | null },
  theatreAllows: boolean,
  now = Date.now(),
): string {
  const open = order.cancellable ? openWindow(order.cancellation, now) : null;
  if (open) return `${openWords(open)}: cancel in My bookings.`;
  return theatreAllows ? "It can no longer be cancelled." : "This theatre does not allow cancellations.";
}
