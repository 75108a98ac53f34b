import { useEffect, useState } from "react";

/**
 * False until the browser has painted the component's first render, then true: for a part that
 * costs a long render (the seat page's hall: thousands of seats, ~0.7 s on a slow phone) and must
 * not hold back the first paint of the rest. A frame's callbacks run just before its paint, and a
 * task queued from one runs after it; an effect alone may still run before the paint.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, []);
  return painted;
}
