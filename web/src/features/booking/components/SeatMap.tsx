import { type KeyboardEvent, memo, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { formatPrice } from "../../../lib/format-show";
import type { SeatMap as SeatMapData } from "../api/booking";
import { bandsOf, lookOf, type PlacedSeat, placeSeats, seatLabel } from "../lib/seat-model";
import styles from "./SeatMap.module.css";

interface SeatMapProps {
  map: SeatMapData;
  selected: ReadonlySet<string>;
  /** Seats of this user's order awaiting payment: shown as theirs, not pickable again. */
  lockedMine: ReadonlySet<string>;
  onSeat: (seat: PlacedSeat) => void;
}

/**
 * The hall: screen at the top, rows front to back in category bands, row labels on both sides, gaps
 * where the layout has none. Seats are toggle buttons; one of them is in the tab order (roving
 * tabindex) and the arrow keys move between seats, Home/End to a row's ends.
 */
export const SeatMap = memo(function SeatMap({ map, selected, lockedMine, onSeat }: SeatMapProps) {
  const placed = useMemo(() => placeSeats(map), [map]);
  const bands = useMemo(() => bandsOf(map), [map]);
  const gridRef = useRef<HTMLFieldSetElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);

  // A hall wider than the screen opens centred on the screen, like the seat you'd walk to.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () => setOverflowing(scroller.scrollWidth > scroller.clientWidth + 1);
    scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) / 2;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);
  const [focusId, setFocusId] = useState<string | null>(null);
  const hintId = useId();

  // The seat that Tab lands on: the last one used, else the first available seat (else the first).
  const rovingId = useMemo(() => {
    if (focusId && placed.byId.has(focusId)) return focusId;
    const firstPicked = [...selected].find((id) => placed.byId.has(id));
    if (firstPicked) return firstPicked;
    for (const row of placed.rows) for (const p of row) if (p.seat.state === "AVAILABLE") return p.seat.seatId;
    return placed.rows[0]?.[0]?.seat.seatId ?? null;
  }, [focusId, placed, selected]);

  function moveFocus(event: KeyboardEvent<HTMLFieldSetElement>) {
    const target = event.target as HTMLElement;
    const fromId = target.dataset.seat;
    if (!fromId) return;
    const from = placed.byId.get(fromId);
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
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-seat="${next.seat.seatId}"]`)?.focus();
  }

  return (
    <>
      <div className={styles.scroller} ref={scrollerRef}>
        <div className={styles.hall}>
          <div className={styles.screen} aria-hidden="true">
            <div className={styles.screenArc} />
            <p className={styles.screenText}>All eyes this way</p>
          </div>
          <fieldset
            ref={gridRef}
            className={styles.grid}
            style={{ "--columns": placed.width } as React.CSSProperties}
            onKeyDown={moveFocus}
            aria-describedby={hintId}
          >
            <legend className="visually-hidden">Seats, front row nearest the screen</legend>
            <p id={hintId} className="visually-hidden">
              Arrow keys move between seats; Space or Enter picks one.
            </p>
            {bands.map((band) => (
              <div key={`${band.code}-${band.rows[0]?.label}`} className={styles.band}>
                <p className={styles.bandTitle}>
                  <span className={styles.bandLabel}>
                    <span className={styles.bandName}>{band.name}</span>
                    {band.price ? <span className={styles.bandPrice}>{formatPrice(band.price)}</span> : null}
                  </span>
                </p>
                {band.rows.map((row) => (
                  <div key={row.label} className={styles.row}>
                    <span className={`${styles.rowLabel} ${styles.rowLabelStart}`} aria-hidden="true">
                      {row.label}
                    </span>
                    <div className={styles.seats} style={{ "--row-columns": row.seats.length } as React.CSSProperties}>
                      {row.seats.map((seat, col) => {
                        if (!seat) {
                          // biome-ignore lint/suspicious/noArrayIndexKey: a gap's place in its row is its identity
                          return <span key={`gap-${col}`} className={styles.gap} />;
                        }
                        const p = placed.byId.get(seat.seatId) as PlacedSeat;
                        const look = lockedMine.has(seat.seatId) ? "yours" : lookOf(seat, selected);
                        const unavailable = look === "held" || look === "booked" || lockedMine.has(seat.seatId);
                        return (
                          <button
                            key={seat.seatId}
                            type="button"
                            data-seat={seat.seatId}
                            data-look={look}
                            className={styles.seat}
                            tabIndex={seat.seatId === rovingId ? 0 : -1}
                            aria-pressed={look === "selected"}
                            aria-disabled={unavailable || undefined}
                            aria-label={seatLabel(p, look)}
                            onClick={() => {
                              setFocusId(seat.seatId);
                              onSeat(p);
                            }}
                            onFocus={() => setFocusId(seat.seatId)}
                          >
                            <span aria-hidden="true">{seat.number}</span>
                          </button>
                        );
                      })}
                    </div>
                    <span className={`${styles.rowLabel} ${styles.rowLabelEnd}`} aria-hidden="true">
                      {row.label}
                    </span>
                  </div>
                ))}
              </div>
            ))}
          </fieldset>
        </div>
      </div>
      {overflowing ? (
        <p className={styles.swipeHint} aria-hidden="true">
          Scroll sideways to see the whole hall
        </p>
      ) : null}
    </>
  );
});

/** The seat of `row` nearest to horizontal position `x` (straight up or down on the grid). */
function nearest(row: PlacedSeat[] | undefined, x: number): PlacedSeat | undefined {
  let best: PlacedSeat | undefined;
  for (const p of row ?? []) if (!best || Math.abs(p.x - x) < Math.abs(best.x - x)) best = p;
  return best;
}

/** What each colour means. */
export function SeatLegend() {
  const items: { look: string; label: string }[] = [
    { look: "available", label: "Available" },
    { look: "selected", label: "Selected" },
    { look: "yours", label: "Held by you" },
    { look: "held", label: "Held by others" },
    { look: "booked", label: "Booked" },
  ];
  return (
    <ul className={styles.legend} aria-label="Seat legend">
      {items.map((item) => (
        <li key={item.look}>
          <span className={styles.swatch} data-look={item.look} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

export function SeatMapSkeleton() {
  return (
    <div className={styles.scroller} aria-hidden="true">
      <div className={styles.hall}>
        <div className={styles.screen}>
          <div className={styles.screenArc} />
        </div>
        <div className={styles.skeletonGrid}>
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <div key={i} className={`skeleton ${styles.skeletonRow}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
