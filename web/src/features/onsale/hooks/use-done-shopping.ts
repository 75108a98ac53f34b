import { useEffect } from "react";
import { leaveQueue } from "../api/queue";
import { eventOfShow, forgetAdmission, liveAdmission } from "../lib/admission";

/**
 * A visitor admitted from an on-sale's waiting room who has bought is done shopping: their
 * admission ends at once, so the next in line goes in without waiting out the admission window
 * (the cap of shoppers at once counts admissions, not purchases). Best effort: the server also
 * ends it when the payment is confirmed (docs/API.md: On-sale waiting room), else at its deadline.
 */
export function useDoneShopping(showId: string | undefined, bought: boolean) {
  useEffect(() => {
    if (!bought || !showId) return;
    const eventId = eventOfShow(showId);
    if (!eventId || !liveAdmission(eventId)) return;
    forgetAdmission(eventId);
    leaveQueue(eventId).catch(() => undefined);
  }, [showId, bought]);
}
