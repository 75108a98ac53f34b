import type { PointerEvent } from "react";
import { MAX_ZOOM, type useHallZoom } from "../hooks/use-hall-zoom";
import type { SeatLook } from "../lib/seat-model";
import styles from "./SeatMap.module.css";

/** A seat's place in the hall (pixels at zoom 1), for the overview. */
export interface SeatSpot {
  id: string;
  x: number;
  y: number;
}

/** The drawn seat's size at zoom 1 (SeatMap.module.css: --seat). */
const SEAT_PX = 40;

interface HallZoomBarProps {
  zoom: ReturnType<typeof useHallZoom>;
  spots: readonly SeatSpot[];
  lookOf: (seatId: string) => SeatLook;
}

/**
 * Zoom out, fit, zoom in, and an overview of the whole hall with the part in view framed: tapping
 * the overview brings that part into view. The overview is a picture (hidden from screen readers,
 * who have every seat in the list already); the buttons say what they do.
 */
export function HallZoomBar({ zoom, spots, lookOf }: HallZoomBarProps) {
  const { natural, scale, fit, visible } = zoom.view;
  const zoomed = scale > fit + 0.01;
  const width = natural.width || 1;
  const height = natural.height || 1;

  function jump(event: PointerEvent<SVGSVGElement>) {
    const rect = event.currentTarget.getBoundingClientRect();
    // The picture keeps the hall's proportions inside its box (meet): undo that letterboxing.
    const k = Math.min(rect.width / width, rect.height / height);
    const left = rect.left + (rect.width - width * k) / 2;
    const top = rect.top + (rect.height - height * k) / 2;
    zoom.centreOn((event.clientX - left) / k, (event.clientY - top) / k);
  }

  return (
    <div className={styles.zoomBar}>
      <fieldset className={styles.zoomButtons}>
        <legend className="visually-hidden">Zoom the seat map</legend>
        <button
          type="button"
          className={styles.zoomButton}
          onClick={zoom.zoomOut}
          disabled={!zoomed}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" className={styles.zoomButton} onClick={zoom.fitHall} disabled={!zoomed}>
          Fit hall
        </button>
        <button
          type="button"
          className={styles.zoomButton}
          onClick={zoom.zoomIn}
          disabled={scale >= MAX_ZOOM - 0.01}
          aria-label="Zoom in"
        >
          +
        </button>
        <span className={styles.zoomLevel} aria-live="polite">
          {Math.round(scale * 100)}%
        </span>
      </fieldset>
      <svg
        className={styles.overview}
        data-zoomed={zoomed || undefined}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
        onPointerDown={jump}
      >
        {spots.map((spot) => (
          <rect
            key={spot.id}
            x={spot.x}
            y={spot.y}
            width={SEAT_PX}
            height={SEAT_PX}
            rx={8}
            data-look={lookOf(spot.id)}
            className={styles.overviewSeat}
          />
        ))}
        {zoomed ? (
          <rect
            className={styles.overviewFrame}
            x={visible.left}
            y={visible.top}
            width={Math.min(visible.width, width)}
            height={Math.min(visible.height, height)}
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
      </svg>
    </div>
  );
}
