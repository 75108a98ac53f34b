import { useEffect, useRef, useState } from "react";
import { serverNow } from "../api/identity";

/** Whole seconds left until `expiresAt` (server time), never negative; null without a deadline. */
function secondsLeft(expiresAt: string | undefined): number | null {
  if (!expiresAt) return null;
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, Math.ceil((at - serverNow()) / 1000));
}

/**
 * A live countdown to the server's `expiresAt`: re-renders once a second, and calls `onExpire` once
 * when it reaches zero (also when the page is opened after the deadline).
 */
export function useCountdown(expiresAt: string | undefined, onExpire?: () => void): number | null {
  const [seconds, setSeconds] = useState(() => secondsLeft(expiresAt));
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  useEffect(() => {
    let fired = false;
    const tick = () => {
      const left = secondsLeft(expiresAt);
      setSeconds(left);
      if (left === 0 && !fired) {
        fired = true;
        onExpireRef.current?.();
      }
    };
    tick();
    if (!expiresAt) return;
    const timer = setInterval(tick, 250);
    // A phone that slept: catch up the moment the page is visible again.
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [expiresAt]);

  return seconds;
}

/** 272 → "4:32". */
export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** 272 → "4 minutes 32 seconds", for screen readers. */
export function spokenDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [];
  if (m) parts.push(`${m} ${m === 1 ? "minute" : "minutes"}`);
  if (s || !m) parts.push(`${s} ${s === 1 ? "second" : "seconds"}`);
  return parts.join(" ");
}
