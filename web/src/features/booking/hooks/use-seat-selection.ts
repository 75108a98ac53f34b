import { sortSeatIds } from "@housefull/shared";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formatPrice } from "../../../lib/format-show";
import { loadCheckoutPage } from "../../../routes";
import type { SeatMap } from "../api/booking";
import { seatList } from "../lib/notices";
import { canTakeSeat, groupAt } from "../lib/seat-groups";
import { isTakenByOthers, type PlacedSeat, placeSeats, totalOf } from "../lib/seat-model";

export const countWords = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);

interface Options {
  map: SeatMap | undefined;
  /** The seats to start with (the live hold's). */
  initial: string[];
  /** Seats of this user's order awaiting payment: theirs already, not pickable again. */
  lockedMine: ReadonlySet<string>;
  /** How many seats the visitor asked for; null when they pick seat by seat. */
  quantity: number | null;
  announce: (message: string) => void;
  /** A fresh map took selected seats away (they are dropped from the selection first); `before` is the selection they were in. */
  onLost: (seatIds: string[], before: string[]) => void;
}

/**
 * The seats picked on the map: toggling with the booking rules said in words (`note`), the seats a
 * fresh map shows taken dropped, the selection in seat order with its exact total. With a quantity
 * chosen and the group complete, a tap on another seat moves the whole group there when it fits
 * side by side (BookMyShow's way); a tap on one of the group unselects it, to pick one elsewhere.
 */
export function useSeatSelection({ map, initial, lockedMine, quantity, announce, onLost }: Options) {
  const [selected, setSelected] = useState<string[]>(initial);
  /** A small, friendly note next to the selection (max seats, a seat that can't be picked). */
  const [note, setNote] = useState<string | null>(null);
  const placed = useMemo(() => (map ? placeSeats(map) : null), [map]);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const onLostRef = useRef(onLost);
  onLostRef.current = onLost;

  useEffect(() => {
    if (!placed) return;
    const lost = selectedRef.current.filter((id) => isTakenByOthers(placed.byId.get(id)?.seat));
    if (!lost.length) return;
    const before = selectedRef.current;
    setSelected((current) => current.filter((id) => !lost.includes(id)));
    onLostRef.current(sortSeatIds(lost), before);
  }, [placed]);

  const toggle = useCallback(
    (p: PlacedSeat) => {
      if (!map || !placed) return;
      const id = p.seat.seatId;
      const current = selectedRef.current;
      const name = `Row ${p.row.label} seat ${p.seat.number}`;
      if (current.includes(id)) {
        const next = current.filter((s) => s !== id);
        setSelected(next);
        setNote(null);
        announce(`${name} removed. ${countWords(next.length)} selected, ${formatPrice(totalOf(next, placed.byId))}.`);
        return;
      }
      const full = quantity !== null && current.length >= quantity;
      const why = refusal(map, p, full ? 0 : current.length, lockedMine);
      if (why) {
        setNote(why);
        announce(why);
        return;
      }
      if (full) {
        const group = groupAt(placed, p, quantity, canTakeSeat(new Set(current), lockedMine));
        if (!group) {
          const words = `${quantity} seats side by side don't fit from ${id}. Tap one of your seats to unselect it, then pick ${id}.`;
          setNote(words);
          announce(words);
          return;
        }
        setSelected(group);
        setNote(null);
        announce(`Moved to ${seatList(sortSeatIds(group))}, ${formatPrice(totalOf(group, placed.byId))}.`);
        return;
      }
      const next = [...current, id];
      // Continue is likely next: have the checkout page's code ready by then.
      void loadCheckoutPage();
      setSelected(next);
      setNote(null);
      announce(`${name} selected. ${countWords(next.length)}, ${formatPrice(totalOf(next, placed.byId))}.`);
    },
    [map, placed, lockedMine, quantity, announce],
  );

  const drop = useCallback(
    (seatIds: readonly string[]) => setSelected((current) => current.filter((id) => !seatIds.includes(id))),
    [],
  );
  const clear = useCallback(() => setSelected([]), []);
  /** The selection becomes exactly these seats (best available held, an alternative taken). */
  const replace = useCallback((seatIds: readonly string[]) => {
    setSelected([...seatIds]);
    setNote(null);
  }, []);
  const ordered = useMemo(() => sortSeatIds(selected), [selected]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  return {
    placed,
    ordered,
    selectedSet,
    total: placed ? totalOf(selected, placed.byId) : "0.00",
    note,
    toggle,
    /** Drops these seats (e.g. the API said someone else has them). */
    drop,
    clear,
    replace,
  };
}

/** Why this seat cannot be added, in words; null when it can. */
function refusal(map: SeatMap, p: PlacedSeat, count: number, lockedMine: ReadonlySet<string>): string | null {
  const id = p.seat.seatId;
  if (!map.bookable) return map.closedReason ?? "This show no longer takes bookings.";
  if (lockedMine.has(id)) return `${id} is already in your booking awaiting payment.`;
  if (p.seat.state === "BOOKED") return `${id} is already booked.`;
  if (p.seat.state === "HELD" && !p.seat.mine)
    return `${id} is held by someone else right now. It may free up in a few minutes.`;
  if (count >= map.maxSeatsPerHold)
    return `You can book up to ${map.maxSeatsPerHold} seats at a time. Unselect one to pick ${id}.`;
  return null;
}
