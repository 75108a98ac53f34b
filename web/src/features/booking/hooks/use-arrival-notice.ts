import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "../../../router";
import type { BookingNotice } from "../lib/notices";

/**
 * The notice this page was sent here with (router state: "your hold expired"), then whatever the
 * page sets. Shown once: the state is cleared at once, so a reload doesn't bring it back.
 */
export function useArrivalNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<BookingNotice | null>(
    () => (location.state as { notice?: BookingNotice } | null)?.notice ?? null,
  );
  useEffect(() => {
    if ((location.state as { notice?: unknown } | null)?.notice) {
      navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    }
  }, [location, navigate]);
  return [notice, setNotice] as const;
}
