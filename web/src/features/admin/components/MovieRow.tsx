import type { AdminMovie } from "@housefull/shared";
import { useState } from "react";
import { useRetireMovie } from "../hooks/mutations";
import styles from "./Admin.module.css";
import { FormError } from "./Field";
import { MovieForm } from "./MovieForm";
import { PosterUpload } from "./PosterUpload";

/** One movie in the back office: its poster, details (edit), retire — the changes for admins only. */
export function MovieRow({ movie, editable }: { movie: AdminMovie; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const retire = useRetireMovie();
  return (
    <li className={styles.panel} aria-label={movie.title}>
      <div className={styles.headerRow}>
        <h2>
          {movie.title} {movie.retiredAt ? <span className={styles.muted}>(retired)</span> : null}
        </h2>
        <div className={styles.actions} hidden={!editable}>
          <button type="button" className="btn btn-link" onClick={() => setEditing((e) => !e)}>
            {editing ? "Close" : `Edit ${movie.title}`}
          </button>
          {movie.retiredAt ? null : (
            <button
              type="button"
              className="btn btn-link"
              disabled={retire.isPending}
              onClick={() => retire.mutate(movie.id)}
            >
              Retire {movie.title}
            </button>
          )}
        </div>
      </div>
      <p className={styles.muted}>
        {movie.languages.join(", ")} · {movie.formats.join(", ")} · {movie.runtimeMins ?? "?"} min
      </p>
      {editable ? <PosterUpload movie={movie} /> : null}
      <FormError error={retire.error} />
      {editing ? <MovieForm movie={movie} onSaved={() => setEditing(false)} /> : null}
    </li>
  );
}
