import { HOUSE_SEAT_REASONS, type HouseSeatReason } from "@housefull/shared";
import { useState } from "react";
import { useHouseSeatChange } from "../hooks/mutations";
import { useHouseSeats } from "../hooks/queries";
import { useStaffSeatMap } from "../hooks/use-staff-seat-map";
import styles from "./Admin.module.css";
import { CounterSaleForm } from "./CounterSaleForm";
import { FormError } from "./Field";
import { StaffSeatMap } from "./StaffSeatMap";

/** On the show's seat map: pick seats, then keep them off online sale, put them back, or sell them at the counter. */
export function SeatOpsPanel({ showId }: { showId: string }) {
  const map = useStaffSeatMap(showId);
  const house = useHouseSeats(showId);
  const change = useHouseSeatChange(showId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState<HouseSeatReason>("VIP");
  const houseSeats = new Set(house.data?.houseSeats.map((h) => h.seatId));
  const picked = [...selected];
  const pickedHouse = picked.filter((id) => houseSeats.has(id));
  const pickedFree = picked.filter((id) => !houseSeats.has(id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const done = { onSuccess: () => setSelected(new Set()) };
  return (
    <section className={styles.panel} aria-labelledby="seats-heading">
      <h2 id="seats-heading">Seats: house seats and the counter</h2>
      {map.data ? (
        <StaffSeatMap map={map.data} houseSeats={houseSeats} selected={selected} onToggle={toggle} />
      ) : (
        <p className={styles.muted}>Loading the seat map…</p>
      )}
      <p>
        Picked: {picked.length ? picked.join(", ") : "none"} · {houseSeats.size} house seats
      </p>
      <div className={styles.inline}>
        <label>
          Reason
          <select value={reason} onChange={(e) => setReason(e.target.value as HouseSeatReason)}>
            {HOUSE_SEAT_REASONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={!pickedFree.length || change.isPending}
          onClick={() => change.mutate({ block: { seatIds: pickedFree, reason } }, done)}
        >
          Keep off sale
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={!pickedHouse.length || change.isPending}
          onClick={() => change.mutate({ unblock: pickedHouse }, done)}
        >
          Back on sale
        </button>
      </div>
      <FormError error={change.error} />
      <CounterSaleForm showId={showId} seatIds={pickedFree} onSold={() => setSelected(new Set())} />
    </section>
  );
}
