import type { SeatMap } from "../../booking/api/booking";
import styles from "./Admin.module.css";

interface StaffSeatMapProps {
  map: SeatMap;
  houseSeats: Set<string>;
  selected: Set<string>;
  onToggle: (seatId: string) => void;
}

/** The show's seats as staff see them: free, held, sold or a house seat; free and house seats pick. */
export function StaffSeatMap({ map, houseSeats, selected, onToggle }: StaffSeatMapProps) {
  return (
    <div className={styles.gridScroller}>
      <fieldset className={styles.grid}>
        <legend className={styles.screenBar}>Seats of the show (screen this way)</legend>
        {map.rows.map((row) => (
          <div key={row.label} className={styles.gridRow}>
            <span className={styles.rowName}>{row.label}</span>
            <div className={styles.cells}>
              {row.seats.map((seat, c) => {
                // biome-ignore lint/suspicious/noArrayIndexKey: a gap is its place in the row
                if (!seat) return <span key={`${row.label}-gap-${c}`} className={styles.cell} data-kind="gap" />;
                const house = houseSeats.has(seat.seatId);
                const state = house ? "house seat" : seat.state.toLowerCase();
                const pickable = house || seat.state === "AVAILABLE";
                return (
                  <button
                    key={seat.seatId}
                    type="button"
                    className={styles.cell}
                    data-kind={house ? "house" : seat.state === "AVAILABLE" ? "seat" : "taken"}
                    aria-label={`Row ${row.label} seat ${seat.number}, ${state}`}
                    aria-pressed={selected.has(seat.seatId)}
                    disabled={!pickable}
                    onClick={() => onToggle(seat.seatId)}
                  >
                    {seat.number}
                  </button>
                );
              })}
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
