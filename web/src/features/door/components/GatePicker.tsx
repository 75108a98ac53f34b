import { useState } from "react";
import type { ChosenGate } from "../hooks/use-chosen-gate";
import { useStaffGates } from "../hooks/use-staff-gates";
import { clockOf } from "../lib/gate-check";
import styles from "./Scanner.module.css";

/**
 * Staff pick their gate: the show (of the theatres they work at, doors open or opening soon) and the
 * door's name. Signed out, the scanner only checks signatures and says how to sign in.
 */
export function GatePicker({ onPick }: { onPick: (gate: ChosenGate) => void }) {
  const { signedIn, gates } = useStaffGates();
  const [name, setName] = useState("Gate 1");

  if (!signedIn)
    return (
      <section className={styles.picker} data-testid="gate-picker" data-signed-in="no">
        <p>
          Checking signatures only. <a href="/sign-in?returnTo=/scan">Sign in as staff</a> to admit people at a gate.
        </p>
      </section>
    );
  return (
    <section className={styles.picker} data-testid="gate-picker" data-signed-in="yes">
      <label htmlFor="door-gate-name" className={styles.entryLabel}>
        This door
      </label>
      <input
        id="door-gate-name"
        className={styles.entryInput}
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={40}
      />
      {gates.data?.length === 0 ? <p>No shows at your theatres today.</p> : null}
      <ul className={styles.gates}>
        {(gates.data ?? []).map((g) => {
          const label = `${g.movieTitle} · ${clockOf(g.startTime)} · ${g.theatreName}`;
          return (
            <li key={g.showId}>
              <button
                type="button"
                className="btn btn-primary"
                data-show-id={g.showId}
                disabled={!name.trim()}
                onClick={() => onPick({ showId: g.showId, gate: name.trim(), label })}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
