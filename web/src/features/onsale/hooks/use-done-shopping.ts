import { useEffect } from "react";
import { leaveQueue } from "../api/queue";
import { eventOfShow, forgetAdmission, liveAdmission } from "../lib/admission";

/**
 * A visitor admitted from an on-sale's waiting room who has bought is done shopping: their
 * admission ends at once, so the next in line goes in without waiting out the admission window
 * (the cap of shoppers at once counts admissions, not purchases). Best effort: an admission that
 * is not ended here still ends by itself.
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
