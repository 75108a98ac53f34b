import { useState } from "react";
import styles from "../../features/admin/components/Admin.module.css";
import { TheatreForm } from "../../features/admin/components/TheatreForm";
import { useAdminTheatres } from "../../features/admin/hooks/queries";
import { useAdminTitle as useDocumentTitle } from "../../features/admin/hooks/use-admin-title";
import { useStaffCan } from "../../features/admin/hooks/use-staff-can";
import { Link, useNavigate } from "../../router";

export function TheatresAdminPage() {
  useDocumentTitle("Theatres");
  const theatres = useAdminTheatres();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const mayAdd = useStaffCan()("manage", "everywhere");
  return (
    <>
      <h1>Theatres</h1>
      <ul className={styles.list}>
        {theatres.data?.theatres.map((t) => (
          <li key={t.id}>
            <Link to={`/admin/theatres/${t.id}`}>{t.name}</Link> · {t.city}
          </li>
        ))}
      </ul>
      {!mayAdd ? null : adding ? (
        <TheatreForm onSaved={(t) => navigate(`/admin/theatres/${t.id}`)} />
      ) : (
        <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>
          New theatre
        </button>
      )}
    </>
  );
}
