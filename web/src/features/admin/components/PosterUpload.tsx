import type { AdminMovie } from "@housefull/shared";
import { useId } from "react";
import { useUploadPoster } from "../hooks/mutations";
import styles from "./Admin.module.css";
import { FormError } from "./Field";

/** The movie's poster: JPEG, PNG or WebP up to 2 MB, sent as it is (the API checks its bytes). */
export function PosterUpload({ movie }: { movie: AdminMovie }) {
  const upload = useUploadPoster();
  const id = useId();
  return (
    <div className={styles.poster}>
      {movie.posterUrl ? (
        <img src={movie.posterUrl} alt={`Poster of ${movie.title}`} width={80} height={120} />
      ) : (
        <span className={styles.muted}>No poster yet (the generated one is shown)</span>
      )}
      <label htmlFor={id}>Poster for {movie.title}</label>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate({ movieId: movie.id, file });
        }}
      />
      {upload.isPending ? <span className={styles.muted}>Uploading…</span> : null}
      {upload.isSuccess ? (
        <span role="status" className={styles.ok}>
          Poster uploaded
        </span>
      ) : null}
      <FormError error={upload.error} />
    </div>
  );
}
