import { type KeyboardEvent, type RefObject, useCallback, useMemo, useState } from "react";
import type { PlacedSeat, placeSeats } from "../lib/seat-model";

type Placed = ReturnType<typeof placeSeats>;

/**
 * The seat map's keyboard: one seat in the tab order (roving tabindex; the last one used, else the
 * first picked, else the first available), arrow keys between seats, Home/End to a row's ends
 * (with Ctrl, the hall's).
 */
export function useSeatKeys(placed: Placed, selected: ReadonlySet<string>, grid: RefObject<HTMLElement | null>) {
  const [focusId, setFocusId] = useState<string | null>(null);

  const rovingId = useMemo(() => {
    if (focusId && placed.byId.has(focusId)) return focusId;
    const firstPicked = [...selected].find((id) => placed.byId.has(id));
    if (firstPicked) return firstPicked;
    for (const row of placed.rows) for (const p of row) if (p.seat.state === "AVAILABLE") return p.seat.seatId;
    return placed.rows[0]?.[0]?.seat.seatId ?? null;
  }, [focusId, placed, selected]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const fromId = (event.target as HTMLElement).dataset.seat;
      const from = fromId ? placed.byId.get(fromId) : undefined;
      if (!from) return;
      const rowSeats = placed.rows.find((r) => r[0]?.rowIndex === from.rowIndex) ?? [];
      const rowPos = placed.rows.indexOf(rowSeats);
      const index = rowSeats.indexOf(from);
      let next: PlacedSeat | undefined;
      switch (event.key) {
        case "ArrowRight":
          next = rowSeats[index + 1];
          break;
        case "ArrowLeft":
          next = rowSeats[index - 1];
          break;
        case "ArrowDown":
          next = nearest(placed.rows[rowPos + 1], from.x);
          break;
        case "ArrowUp":
          next = nearest(placed.rows[rowPos - 1], from.x);
          break;
        case "Home":
          next = event.ctrlKey ? placed.rows[0]?.[0] : rowSeats[0];
          break;
        case "End":
          next = event.ctrlKey ? placed.rows.at(-1)?.at(-1) : rowSeats.at(-1);
          break;
        default:
          return;
      }
      event.preventDefault();
      if (!next) return;
      setFocusId(next.seat.seatId);
      grid.current?.querySelector<HTMLButtonElement>(`[data-seat="${next.seat.seatId}"]`)?.focus();
    },
    [placed, grid],
  );

  return { rovingId, setFocusId, onKeyDown };
}

/** The seat of `row` nearest to horizontal position `x` (straight up or down on the grid). */
function nearest(row: PlacedSeat[] | undefined, x: number): PlacedSeat | undefined {
  let best: PlacedSeat | undefined;
  for (const p of row ?? []) if (!best || Math.abs(p.x - x) < Math.abs(best.x - x)) best = p;
  return best;
}
