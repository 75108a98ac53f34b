import { StarIcon, TicketIcon } from "../../../components/Icons";
import { Poster } from "../../../components/Poster";
import { formatRating, formatReleaseDate, formatRuntime } from "../../../lib/format";
import type { Movie } from "../api/movies";
import styles from "./MovieHero.module.css";

/** The movie's poster, title, rating and facts, with a button down to its showtimes. */
export function MovieHero({ movie }: { movie: Movie }) {
  const rating = formatRating(movie.rating);
  const runtime = formatRuntime(movie.durationMins);
  const release = formatReleaseDate(movie.releaseDate);
  const tags = [movie.format, movie.language].filter((t): t is string => Boolean(t));

  const facts: { label: string; value: string }[] = [];
  if (runtime) facts.push({ label: "Runtime", value: runtime });
  if (movie.genres.length) facts.push({ label: "Genres", value: movie.genres.join(", ") });
  if (movie.ageRating) facts.push({ label: "Certificate", value: movie.ageRating });
  if (release) facts.push({ label: "Release date", value: release });

  function goToShowtimes() {
    const section = document.getElementById("showtimes");
    if (!section) return;
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    section.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
    section.focus({ preventScroll: true });
  }

  return (
    <section className={styles.hero} aria-labelledby="movie-title">
      {movie.posterUrl ? (
        <div className={styles.backdrop} aria-hidden="true">
          <img src={movie.posterUrl} alt="" />
        </div>
      ) : null}
      <div className={`container ${styles.heroInner}`}>
        <Poster src={movie.posterUrl} title={movie.title} eager className={styles.poster} />
        <div className={styles.info}>
          <h1 id="movie-title" className={styles.title}>
            {movie.title}
          </h1>
          {rating ? (
            <p className={styles.rating}>
              <StarIcon size={20} className={styles.star} />
              <span>
                <span className="visually-hidden">Rated </span>
                <strong>{rating}</strong>
                <span aria-hidden="true">/10</span>
                <span className="visually-hidden"> out of 10</span>
              </span>
            </p>
          ) : null}
          {tags.length ? (
            <ul className={styles.tags} aria-label="Format and language">
              {tags.map((tag) => (
                <li key={tag} className={styles.tag}>
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}
          {facts.length ? (
            <dl className={styles.facts}>
              {facts.map((fact) => (
                <div key={fact.label} className={styles.fact}>
                  <dt className="visually-hidden">{fact.label}</dt>
                  <dd>{fact.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <button type="button" className={`btn btn-primary ${styles.cta}`} onClick={goToShowtimes}>
            <TicketIcon size={18} />
            Book tickets
          </button>
        </div>
      </div>
    </section>
  );
}

export function MovieHeroSkeleton() {
  return (
    <section className={styles.hero} aria-busy="true" aria-label="Loading movie">
      <div className={`container ${styles.heroInner}`}>
        <div className={`skeleton ${styles.poster} ${styles.posterSkeleton}`} />
        <div className={styles.info}>
          <div className={`skeleton ${styles.lineSkeleton}`} style={{ width: "60%", height: 36 }} />
          <div className={`skeleton ${styles.lineSkeleton}`} style={{ width: "30%" }} />
          <div className={`skeleton ${styles.lineSkeleton}`} style={{ width: "45%" }} />
        </div>
      </div>
    </section>
  );
}
