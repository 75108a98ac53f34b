import { useCallback, useEffect, useRef, useState } from "react";

/**
 * A polite live region and a function to speak through it: for screen-reader news that has no
 * visible alert of its own (a seat picked, a minute left). The same message twice is spoken twice.
 */
export function useAnnouncer(): [region: React.ReactNode, announce: (message: string) => void] {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback((next: string) => {
    clearTimeout(timer.current);
    setMessage("");
    // Emptied first, then filled: screen readers announce the change even when the text repeats.
    timer.current = setTimeout(() => setMessage(next), 60);
  }, []);
  const region = (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
  return [region, announce];
}
