// A booking's cancellation window in words, one wording for every page (showtimes, checkout, pay,
// ticket). The window is the API's (`cancellation: {until, feePercent}`, null when there is none);
// it is re-checked against the clock, so a page left open past the cut-off stops promising a cancel.

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
