import { useState } from "react";
import { useScreens } from "../hooks/queries";
import styles from "./Admin.module.css";
import { ScreenForm } from "./ScreenForm";

/** A theatre's screens: each with its layout version and seats; a new one, or one edited, in the editor. */
export function ScreensPanel({ theatreId }: { theatreId: string }) {
  const screens = useScreens(theatreId);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const current = screens.data?.screens.find((s) => s.id === editing);
  return (
    <section className={styles.panel} aria-labelledby="screens-heading">
      <h2 id="screens-heading">Screens</h2>
      {screens.isPending ? <p className={styles.muted}>Loading screens…</p> : null}
      <ul className={styles.list}>
        {screens.data?.screens.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong> · {s.seats} seats · layout v{s.layoutVersion ?? "–"}{" "}
            <button type="button" className="btn btn-link" onClick={() => setEditing(s.id)}>
              Edit {s.name}
            </button>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button type="button" className="btn btn-secondary" onClick={() => setEditing("new")}>
          New screen
        </button>
      ) : (
        <ScreenForm key={editing} theatreId={theatreId} screen={current} onDone={() => setEditing(null)} />
      )}
    </section>
  );
}
