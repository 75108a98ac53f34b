import { useCallback, useRef, useState } from "react";
import type { DoorKeys } from "../api/keys";
import { checkTicketOffline, type DoorAnswer, TICKET_CODE, typedCodeAnswer } from "../lib/check-ticket";
import { signal } from "../lib/feedback";

/**
 * One check at a time: a scanned token or a typed code in, the answer out (with its beep). Today
 * the answer is the device's own signature check; the online check-in (first scan wins, partial
 * admission) will run after it, in `check`, with the offline answer as its fallback.
 */
export function useTicketCheck(keys: DoorKeys | undefined) {
  const [answer, setAnswer] = useState<DoorAnswer | null>(null);
  const busy = useRef(false);

  const check = useCallback(
    async (input: string) => {
      if (busy.current) return;
      busy.current = true;
      try {
        const text = input.trim();
        let result: DoorAnswer;
        if (TICKET_CODE.test(text.toUpperCase())) result = typedCodeAnswer(text.toUpperCase());
        else if (!keys?.keys.length)
          result = { verdict: "REFUSE", reason: "No keys yet", detail: "Connect once so the scanner gets its keys." };
        else result = await checkTicketOffline(keys.keys, text);
        setAnswer(result);
        signal(result.verdict === "ADMIT");
      } finally {
        busy.current = false;
      }
    },
    [keys],
  );

  return { answer, check, dismiss: useCallback(() => setAnswer(null), []) };
}
