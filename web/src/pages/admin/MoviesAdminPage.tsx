import { useState } from "react";
import styles from "../../features/admin/components/Admin.module.css";
import { MovieForm } from "../../features/admin/components/MovieForm";
import { MovieRow } from "../../features/admin/components/MovieRow";
import { useAdminMovies } from "../../features/admin/hooks/queries";
import { useAdminTitle as useDocumentTitle } from "../../features/admin/hooks/use-admin-title";
import { useStaffCan } from "../../features/admin/hooks/use-staff-can";

export function MoviesAdminPage() {
  useDocumentTitle("Movies");
  const movies = useAdminMovies();
  const [adding, setAdding] = useState(false);
  // Movies are the whole catalog's: only an admin changes them; managers see what they can schedule.
  const editable = useStaffCan()("manage", "everywhere");
  return (
    <>
      <h1>Movies</h1>
      {!editable ? null : adding ? (
        <section className={styles.panel}>
          <MovieForm onSaved={() => setAdding(false)} />
        </section>
      ) : (
        <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>
          New movie
        </button>
      )}
      <ul className={styles.cards}>
        {movies.data?.movies.map((m) => (
          <MovieRow key={m.id} movie={m} editable={editable} />
        ))}
      </ul>
    </>
  );
}
