import { useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../api/client";
import { useNavigate } from "../../../router";
import { onsaleKeys } from "../api/queue";
import { forgetAdmission, queuePath } from "../lib/admission";

/** Why a tab was sent back to the waiting room: its admission ran out, or its shopper was done (bought, or left). */
export type AdmissionOver = "EXPIRED" | "ENDED";

/** The router state the queue page is opened with after {@link useBackToQueue}. */
export interface BackInQueue {
  admissionOver: AdmissionOver;
}

/** The admission a refused hold names as over, if that is what the refusal says (docs/API.md: On-sale). */
function admissionOverOf(error: unknown): { eventId: string; reason: AdmissionOver } | null {
  if (!(error instanceof ApiError) || error.code !== "ADMISSION_REFUSED") return null;
  const { eventId, reason } = error.details;
  if (typeof eventId !== "string" || !eventId) return null;
  return reason === "ENDED" || reason === "EXPIRED" ? { eventId, reason } : null;
}

/**
 * A hold refused because this tab's admission is over (it ran out, or ended with a purchase or a
 * leave, maybe in another tab) is no dead end: the tab forgets the admission and takes the visitor
 * back to the event's queue, which says why and queues them again. Answers whether it did.
 * Someone else's admission (NOT_YOURS) is not this: the seat map says so where it is.
 */
export function useBackToQueue(showId: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (error: unknown): boolean => {
    const over = admissionOverOf(error);
    if (!over) return false;
    forgetAdmission(over.eventId);
    // The queue page's last answer said "admitted": without this it would send the visitor straight back.
    queryClient.removeQueries({ queryKey: onsaleKeys.queue(over.eventId) });
    const state: BackInQueue = { admissionOver: over.reason };
    navigate(queuePath(over.eventId, showId), { replace: true, state });
    return true;
  };
}
