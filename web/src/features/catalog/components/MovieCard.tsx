import { useRef } from "react";
import { loadEarly } from "../../../api/early-reads";
import { StarIcon } from "../../../components/Icons";
import { Poster } from "../../../components/Poster";
import { formatRating } from "../../../lib/format";
import { Link } from "../../../router";
import { loadMoviePage } from "../../../routes";
import { type Movie, movieRead } from "../api/movies";
import styles from "./MovieCard.module.css";

/** Formats worth calling out on the poster; plain 2D is the default and says nothing. */
const PREMIUM_FORMATS = new Set(["IMAX", "3D", "4DX"]);

export function MovieCard({ movie }: { movie: Movie }) {
  const prefetch = usePrefetchMovie(movie.id);
  const rating = formatRating(movie.rating);
  const meta = [movie.ageRating, movie.language].filter(Boolean).join(" · ");
  const format = movie.format && PREMIUM_FORMATS.has(movie.format.toUpperCase()) ? movie.format : null;

  return (
    <article className={styles.card}>
      <div className={styles.posterWrap}>
        <Poster src={movie.posterUrl} title={movie.title} />
        {format ? <span className={styles.format}>{format}</span> : null}
        {rating ? (
          <p className={styles.rating}>
            <StarIcon size={12} className={styles.star} />
            <span className="visually-hidden">Rated </span>
            {rating}
            <span className="visually-hidden"> out of 10</span>
          </p>
        ) : null}
      </div>
      <div className={styles.body}>
        <h3 className={styles.title}>
          <Link
            to={`/movies/${movie.id}`}
            className={styles.link}
            onPointerEnter={prefetch.soon}
            onPointerLeave={prefetch.cancel}
            onFocus={prefetch.now}
            onPointerDown={prefetch.now}
          >
            {movie.title}
          </Link>
        </h3>
        {movie.genres.length ? <p className={styles.genres}>{movie.genres.join(", ")}</p> : null}
        {meta ? <p className={styles.meta}>{meta}</p> : null}
      </div>
    </article>
  );
}

/** Warms the movie page's code and data when the user shows intent (hover a moment, focus, press). */
function usePrefetchMovie(movieId: string) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const now = () => {
    clearTimeout(timer.current);
    void loadMoviePage();
    void loadEarly(movieRead(movieId));
  };
  return {
    now,
    soon: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(now, 120);
    },
    cancel: () => clearTimeout(timer.current),
  };
}

export function MovieCardSkeleton() {
  return (
    <div className={styles.card} aria-hidden="true">
      <div className={`skeleton ${styles.posterSkeleton}`} />
      <div className={styles.body}>
        <div className={`skeleton ${styles.lineSkeleton}`} style={{ width: "80%" }} />
        <div className={`skeleton ${styles.lineSkeleton}`} style={{ width: "55%" }} />
        <div className={`skeleton ${styles.lineSkeleton}`} style={{ width: "40%" }} />
      </div>
    </div>
  );
}
