import { memo, type RefObject, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { formatPrice } from "../../../lib/format-show";
import type { SeatMap as SeatMapData } from "../api/booking";
import { useHallZoom } from "../hooks/use-hall-zoom";
import { useSeatKeys } from "../hooks/use-seat-keys";
import { bandsOf, lookOf, type PlacedSeat, placeSeats, seatFacts, seatLabel } from "../lib/seat-model";
import { HallZoomBar, type SeatSpot } from "./HallZoomBar";
import styles from "./SeatMap.module.css";

interface SeatMapProps {
  map: SeatMapData;
  selected: ReadonlySet<string>;
  /** Seats of this user's order awaiting payment: shown as theirs, not pickable again. */
  lockedMine: ReadonlySet<string>;
  onSeat: (seat: PlacedSeat) => void;
  /** The sticky selection bar: on a phone the hall opens fitted to the height above it too. */
  fitAbove?: RefObject<HTMLElement | null>;
}

/**
 * The hall: screen at the top, rows front to back in category bands, row letters on both sides
 * (beside the seats, never over them), gaps where the layout has none. It opens fitted to the
 * width (on a phone, and to the height above the selection bar), zooms and pans inside its own box (HallZoomBar: buttons, an overview). Seats are toggle
 * buttons, each row a group named by its letter and category; one seat is in the tab order.
 */
export const SeatMap = memo(function SeatMap({ map, selected, lockedMine, onSeat, fitAbove }: SeatMapProps) {
  const placed = useMemo(() => placeSeats(map), [map]);
  const bands = useMemo(() => bandsOf(map), [map]);
  const gridRef = useRef<HTMLFieldSetElement>(null);
  const zoom = useHallZoom(fitAbove);
  const keys = useSeatKeys(placed, selected, gridRef);
  const hintId = useId();
  const [lastId, setLastId] = useState<string | null>(null);
  const [spots, setSpots] = useState<SeatSpot[]>([]);

  // Where each seat is drawn (hall pixels at zoom 1), for the overview; only when the layout changes.
  const { scale } = zoom.view;
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  // biome-ignore lint/correctness/useExhaustiveDependencies: positions change with the hall's layout, not its states
  useLayoutEffect(() => {
    const hall = zoom.hallRef.current;
    if (!hall) return;
    const origin = hall.getBoundingClientRect();
    const s = scaleRef.current;
    const found: SeatSpot[] = [];
    for (const el of hall.querySelectorAll<HTMLElement>("[data-seat]")) {
      const r = el.getBoundingClientRect();
      found.push({ id: el.dataset.seat ?? "", x: (r.left - origin.left) / s, y: (r.top - origin.top) / s });
    }
    setSpots(found);
  }, [placed.width, map.rows.length, zoom.view.natural.width]);

  const lookOfId = (id: string) => {
    const p = placed.byId.get(id);
    if (!p) return "booked" as const;
    return lockedMine.has(id) ? ("yours" as const) : lookOf(p.seat, selected);
  };
  const last = lastId ? placed.byId.get(lastId) : undefined;
  const { natural } = zoom.view;

  return (
    <div className={styles.map}>
      <HallZoomBar zoom={zoom} spots={spots} lookOf={lookOfId} />
      <div className={styles.box} ref={zoom.boxRef} onScroll={zoom.onScroll}>
        <div
          className={styles.sizer}
          style={{ width: natural.width * scale || undefined, height: natural.height * scale || undefined }}
        >
          <div className={styles.hall} ref={zoom.hallRef} style={{ transform: `scale(${scale})` }}>
            <div className={styles.screen} aria-hidden="true">
              <div className={styles.screenArc} />
              <p className={styles.screenText}>All eyes this way</p>
            </div>
            <fieldset
              ref={gridRef}
              className={styles.grid}
              style={{ "--columns": placed.width } as React.CSSProperties}
              onKeyDown={keys.onKeyDown}
              aria-describedby={hintId}
            >
              <legend className="visually-hidden">Seats, front row nearest the screen</legend>
              <p id={hintId} className="visually-hidden">
                Arrow keys move between seats; Space or Enter picks one.
              </p>
              {bands.map((band) => (
                <div key={`${band.code}-${band.rows[0]?.label}`} className={styles.band}>
                  <p className={styles.bandTitle} aria-hidden="true">
                    <span className={styles.bandName}>{band.name}</span>
                    {band.price ? <span className={styles.bandPrice}>{formatPrice(band.price)}</span> : null}
                  </p>
                  {band.rows.map((row) => (
                    <fieldset key={row.label} className={styles.row}>
                      <legend className="visually-hidden">{`Row ${row.label}, ${band.name}`}</legend>
                      <span className={styles.rowLabel} aria-hidden="true">
                        {row.label}
                      </span>
                      <div
                        className={styles.seats}
                        style={{ "--row-columns": row.seats.length } as React.CSSProperties}
                      >
                        {row.seats.map((seat, col) => {
                          if (!seat) {
                            // biome-ignore lint/suspicious/noArrayIndexKey: a gap's place in its row is its identity
                            return <span key={`gap-${col}`} className={styles.gap} />;
                          }
                          const p = placed.byId.get(seat.seatId) as PlacedSeat;
                          const look = lookOfId(seat.seatId);
                          const unavailable = look === "held" || look === "booked" || lockedMine.has(seat.seatId);
                          return (
                            <button
                              key={seat.seatId}
                              type="button"
                              data-seat={seat.seatId}
                              data-look={look}
                              className={styles.seat}
                              tabIndex={seat.seatId === keys.rovingId ? 0 : -1}
                              aria-pressed={look === "selected"}
                              aria-disabled={unavailable || undefined}
                              aria-label={seatLabel(p, look)}
                              onClick={() => {
                                keys.setFocusId(seat.seatId);
                                setLastId(seat.seatId);
                                onSeat(p);
                              }}
                              onFocus={() => keys.setFocusId(seat.seatId)}
                            >
                              <span aria-hidden="true">{seat.number}</span>
                            </button>
                          );
                        })}
                      </div>
                      <span className={styles.rowLabel} aria-hidden="true">
                        {row.label}
                      </span>
                    </fieldset>
                  ))}
                </div>
              ))}
            </fieldset>
          </div>
        </div>
      </div>
      {/* The tapped seat in words (the announcer says it to screen readers already). */}
      <p className={styles.facts} data-testid="seat-facts">
        {last ? seatFacts(last, lookOfId(last.seat.seatId)) : "Tap a seat for its row, number and price"}
      </p>
    </div>
  );
});

/** What each look means. */
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

/** The map's place while it loads: the zoom bar's height, then the hall's box. */
export function SeatMapSkeleton() {
  return (
    <div className={styles.map} aria-hidden="true">
      <div className={`${styles.zoomBar} ${styles.zoomBarSkeleton}`} />
      <div className={styles.box}>
        <div className={styles.skeletonGrid}>
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <div key={i} className={`skeleton ${styles.skeletonRow}`} />
          ))}
        </div>
      </div>
      <p className={styles.facts}>{"\u00a0"}</p>
    </div>
  );
}
