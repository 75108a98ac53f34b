import { useEffect } from "react";
import { useNavigate } from "../../../router";
import { liveAdmission, queuePath, rememberEventOfShow } from "../lib/admission";

/**
 * The seat map's door to an on-sale: a show sold through a waiting room sends a visitor without a
 * live admission to its queue (the server refuses their hold anyway; this saves them the try).
 */
export function useAdmissionGate(showId: string, onsaleEventId: string | undefined) {
  const navigate = useNavigate();
  useEffect(() => {
    if (!onsaleEventId) return;
    rememberEventOfShow(showId, onsaleEventId);
    if (!liveAdmission(onsaleEventId)) navigate(queuePath(onsaleEventId, showId), { replace: true });
  }, [showId, onsaleEventId, navigate]);
}
