import { type CancellationWindow, policyLine } from "../../../lib/cancellation-words";

export type { CancellationWindow } from "../../../lib/cancellation-words";

/**
 * The policy in one line, as it stands now (lib/cancellation-words.ts `policyLine`): the window
 * while it is open, "No longer cancellable" past the show's cut-off, "Non-cancellable" where the
 * theatre cancels nothing — so nothing before paying ever promises a cancel the API would refuse.
 */
export function CancellationPolicy({
  window,
  theatreAllows,
  className,
}: {
  window: CancellationWindow | null | undefined;
  theatreAllows: boolean;
  className?: string;
}) {
  return (
    <span className={className} data-testid="cancellation-policy">
      {policyLine(window, theatreAllows)}
    </span>
  );
}
