import { typedTicketCode } from "@housefull/shared";
import { useCallback, useRef, useState } from "react";
import type { DoorKeys } from "../api/keys";
import { checkTicketOffline, type DoorAnswer, typedCodeAnswer } from "../lib/check-ticket";
import { signal } from "../lib/feedback";

/** What the usher gave the scanner: a token the camera read (or pasted), or a short code typed. */
export type DoorScan = { token: string; code?: undefined } | { code: string; token?: undefined };

/** Decides one scan: the device's signature check, or the gate's check-in. */
export type Decide = (scan: DoorScan) => Promise<DoorAnswer>;

/** Without a gate: the signature only, on this device, with the keys it keeps. */
export const verifyOnly =
  (keys: DoorKeys | undefined): Decide =>
  async (scan) => {
    if (scan.code !== undefined) return typedCodeAnswer(scan.code);
    return keys?.keys.length
      ? checkTicketOffline(keys.keys, scan.token)
      : { verdict: "REFUSE", reason: "No keys yet", detail: "Connect once so the scanner gets its keys." };
  };

/**
 * One check at a time: a scanned token or a typed code in, the answer out (with its beep and buzz).
 * `decide` is the verify-only check or, at a gate, the check-in (online, else offline and queued).
 */
export function useTicketCheck(decide: Decide, onAnswer?: (answer: DoorAnswer) => void) {
  const [answer, setAnswer] = useState<DoorAnswer | null>(null);
  const busy = useRef(false);

  const check = useCallback(
    async (input: string) => {
      if (busy.current) return;
      busy.current = true;
      try {
        const text = input.trim();
        const code = typedTicketCode(text);
        const result = await decide(code ? { code } : { token: text });
        setAnswer(result);
        signal(result.verdict === "ADMIT");
        onAnswer?.(result);
      } finally {
        busy.current = false;
      }
    },
    [decide, onAnswer],
  );

  return { answer, check, dismiss: useCallback(() => setAnswer(null), []) };
}
