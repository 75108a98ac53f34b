import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/** Seats are drawn 40 px square at zoom 1: a finger-sized target (≥ 40 px) once zoomed in. */
export const MAX_ZOOM = 1.6;
const STEP = 1.5;
/** Where the hall is also fitted to the height left above the sticky selection bar. */
const PHONE = "(max-width: 640px)";
/** Less room than this (notices above the map): the width alone decides the fit. */
const MIN_ROOM_PX = 120;

export interface HallView {
  /** The hall's drawn size at zoom 1. */
  natural: { width: number; height: number };
  scale: number;
  fit: number;
  /** The visible part of the hall, in hall pixels at zoom 1. */
  visible: { left: number; top: number; width: number; height: number };
}

/**
 * Zoom and pan for a hall drawn at full size inside a scroll box: it opens fitted to the box's
 * width — and on a phone to the height from the box's top to `fitAbove` (the sticky selection bar)
 * as the page opens, so the whole hall is in view — zooms by buttons and pinch around the point looked at, and pans
 * by the box's own scrolling. The hall is scaled with a transform inside a sizer of the scaled size,
 * so the box scrolls exactly over what is drawn. Both are measured before every paint: first as the
 * map mounts (a layout effect, whose update React renders before painting), then whenever either
 * changes size (a font arriving, the box resized), where the new fit is rendered in the resize
 * callback itself — which runs after layout and before paint — so no frame shows an unfitted hall.
 * (Nor is the scale transitioned: see `.hall` in SeatMap.module.css.)
 */
export function useHallZoom(fitAbove?: RefObject<HTMLElement | null>) {
  const boxRef = useRef<HTMLDivElement>(null);
  const hallRef = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState({ width: 0, height: 0 });
  const [boxWidth, setBoxWidth] = useState(0);
  /** Height for the hall between the box's top and the bar's, with the page at its top; null: no limit. */
  const [room, setRoom] = useState<number | null>(null);
  /** null: fitted to width (follows the box's size). */
  const [zoom, setZoom] = useState<number | null>(null);
  const [scroll, setScroll] = useState({ left: 0, top: 0, width: 0, height: 0 });
  const widthFit = natural.width && boxWidth ? Math.min(1, boxWidth / natural.width) : 1;
  // Never below half the width's fit: a hall that small is no overview, only dots.
  const fit =
    room !== null && natural.height ? Math.min(widthFit, Math.max(widthFit / 2, room / natural.height)) : widthFit;
  const scale = zoom === null ? fit : Math.max(fit, Math.min(MAX_ZOOM, zoom));
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  /** The hall point to keep under the same spot of the box across a zoom. */
  const anchor = useRef<{ x: number; y: number; cx: number; cy: number } | null>(null);

  useLayoutEffect(() => {
    const box = boxRef.current;
    const hall = hallRef.current;
    if (!box || !hall) return;
    const measure = () => {
      // offsetWidth/Height ignore transforms: the hall's size at zoom 1.
      setNatural((n) =>
        n.width === hall.offsetWidth && n.height === hall.offsetHeight
          ? n
          : { width: hall.offsetWidth, height: hall.offsetHeight },
      );
      setBoxWidth(box.clientWidth);
      const bar = fitAbove?.current;
      if (!bar || !window.matchMedia(PHONE).matches) return setRoom(null);
      // In page coordinates (whatever the scroll now): the bar sits at the screen's foot; the
      // box's vertical padding is not the hall's.
      const boxTop = box.getBoundingClientRect().top + window.scrollY;
      const { paddingTop, paddingBottom } = getComputedStyle(box);
      const padding = parseFloat(paddingTop) + parseFloat(paddingBottom) + box.offsetHeight - box.clientHeight;
      const space = window.innerHeight - bar.offsetHeight - boxTop - padding;
      setRoom(space >= MIN_ROOM_PX ? space : null);
    };
    measure();
    // Not a scheduled render: that would land a frame later, after an unfitted one was painted.
    const observer = new ResizeObserver(() => flushSync(measure));
    observer.observe(box);
    observer.observe(hall);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [fitAbove]);

  const readScroll = useCallback(() => {
    const box = boxRef.current;
    if (!box) return;
    const s = scaleRef.current;
    setScroll({
      left: box.scrollLeft / s,
      top: box.scrollTop / s,
      width: box.clientWidth / s,
      height: box.clientHeight / s,
    });
  }, []);

  useLayoutEffect(() => {
    const box = boxRef.current;
    const a = anchor.current;
    if (box && a) {
      anchor.current = null;
      box.scrollLeft = a.x * scale - a.cx;
      box.scrollTop = a.y * scale - a.cy;
    } else if (box && zoom === null) {
      // Fitted: a hall narrower than the box sits centred; one just wider opens at its centre.
      box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
    }
    readScroll();
  }, [scale, zoom, readScroll]);

  /** Zoom to `next` keeping the hall point under (cx, cy) of the box (default: its centre) in place. */
  const zoomTo = useCallback(
    (next: number, at?: { cx: number; cy: number }) => {
      const box = boxRef.current;
      if (!box) return;
      const clamped = Math.max(fit, Math.min(MAX_ZOOM, next));
      const cx = at?.cx ?? box.clientWidth / 2;
      const cy = at?.cy ?? box.clientHeight / 2;
      const s = scaleRef.current;
      anchor.current = { x: (box.scrollLeft + cx) / s, y: (box.scrollTop + cy) / s, cx, cy };
      setZoom(clamped <= fit + 0.001 ? null : clamped);
    },
    [fit],
  );

  // Pinch: two fingers zoom around their midpoint. The box allows only panning (touch-action), so
  // the browser leaves the pinch to us instead of zooming the page.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let start: { distance: number; scale: number } | null = null;
    const spread = (e: TouchEvent) => {
      const [a, b] = [e.touches[0], e.touches[1]];
      if (!a || !b) return null;
      const rect = box.getBoundingClientRect();
      return {
        distance: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY),
        cx: (a.clientX + b.clientX) / 2 - rect.left,
        cy: (a.clientY + b.clientY) / 2 - rect.top,
      };
    };
    const onStart = (e: TouchEvent) => {
      const s = e.touches.length === 2 ? spread(e) : null;
      start = s ? { distance: s.distance, scale: scaleRef.current } : null;
    };
    const onMove = (e: TouchEvent) => {
      const s = e.touches.length === 2 ? spread(e) : null;
      // A second finger that landed just outside the box still makes a pinch once both move.
      if (s && !start) start = { distance: s.distance, scale: scaleRef.current };
      if (!start || !s || start.distance === 0) return;
      e.preventDefault();
      zoomTo(start.scale * (s.distance / start.distance), s);
    };
    const onEnd = (e: TouchEvent) => {
      if (e.touches.length < 2) start = null;
    };
    box.addEventListener("touchstart", onStart, { passive: true });
    box.addEventListener("touchmove", onMove, { passive: false });
    box.addEventListener("touchend", onEnd, { passive: true });
    box.addEventListener("touchcancel", onEnd, { passive: true });
    return () => {
      box.removeEventListener("touchstart", onStart);
      box.removeEventListener("touchmove", onMove);
      box.removeEventListener("touchend", onEnd);
      box.removeEventListener("touchcancel", onEnd);
    };
  }, [zoomTo]);

  /** Pans so the hall point (x, y) at zoom 1 is in the middle of the box (the overview's jump). */
  const centreOn = useCallback((x: number, y: number) => {
    const box = boxRef.current;
    if (!box) return;
    const s = scaleRef.current;
    box.scrollTo({ left: x * s - box.clientWidth / 2, top: y * s - box.clientHeight / 2 });
  }, []);

  const view: HallView = { natural, scale, fit, visible: scroll };
  return {
    boxRef,
    hallRef,
    view,
    zoomIn: () => zoomTo(scale * STEP),
    zoomOut: () => zoomTo(scale / STEP),
    fitHall: () => zoomTo(fit),
    zoomTo,
    centreOn,
    onScroll: readScroll,
  };
}
