import { useState } from "react";
import { serverNow } from "../api/identity";
import { useCountdown } from "./countdown";

/** After a "retry in N seconds" answer: the seconds left (null when there is no wait) and how to start one. */
export function useRetryWait(): [secondsLeft: number | null, wait: (seconds: number) => void] {
  const [until, setUntil] = useState<string | undefined>(undefined);
  const secondsLeft = useCountdown(until, () => setUntil(undefined));
  return [secondsLeft, (seconds) => setUntil(new Date(serverNow() + seconds * 1000).toISOString())];
}
