import { type CancellationWindow, feeWords, openWindow } from "../../../lib/cancellation-words";
import { formatShowTime } from "../../../lib/format-show";

export type { CancellationWindow } from "../../../lib/cancellation-words";

/**
 * The policy in one line, as it stands now: "Cancellable until 6:50 pm · 25 % fee" while the window
 * is open, "Non-cancellable" otherwise (a theatre without cancellations, or a show past its cut-off),
 * so nothing before paying ever promises a cancel the API would refuse.
 */
export function policyWords(window: CancellationWindow | null | undefined, now = Date.now()): string {
  const open = openWindow(window, now);
  return open ? `Cancellable until ${formatShowTime(open.until)} · ${feeWords(open)}` : "Non-cancellable";
}

/** Why it reads "Non-cancellable", when the theatre otherwise allows cancelling. */
export function policyDetail(window: CancellationWindow | null | undefined, theatreAllows: boolean): string | null {
  if (openWindow(window)) return null;
  return theatreAllows ? "The cancellation cut-off for this show has passed." : "This theatre doesn't refund tickets.";
}

export function CancellationPolicy({
  window,
  theatreAllows,
  className,
}: {
  window: CancellationWindow | null | undefined;
  theatreAllows: boolean;
  className?: string;
}) {
  const detail = policyDetail(window, theatreAllows);
  return (
    <span className={className} data-testid="cancellation-policy">
      {policyWords(window)}
      {detail ? ` (${detail.replace(/\.$/, "")})` : null}
    </span>
  );
}
