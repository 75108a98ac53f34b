import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError, type Movie } from "../api/client";
import { movieFromListCache, movieQuery } from "../api/queries";
import { StarIcon, TicketIcon } from "../components/Icons";
import { Poster } from "../components/Poster";
import { EmptyState, ErrorState } from "../components/StatusViews";
import { nextDays } from "../lib/dates";
import { formatRating, formatReleaseDate, formatRuntime } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";
import styles from "./MoviePage.module.css";
import { DateStrip } from "./movie/DateStrip";
import { Showtimes } from "./movie/Showtimes";

/** How many days of shows we offer (the catalogue schedules a week ahead). */
const DAYS_AHEAD = 7;

export default function MoviePage() {
  const { movieId = "" } = useParams();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const movie = useQuery({
    ...movieQuery(movieId),
    placeholderData: () => movieFromListCache(queryClient, movieId),
  });

  // The cinema's days, whatever the browser's time zone: late evening in New York is already
  // tomorrow in India, and "today" there is the day whose shows are on.
  const days = nextDays(DAYS_AHEAD);
  const requested = params.get("date");
  const date = days.find((d) => d.iso === requested) ?? days[0];

  useDocumentTitle(movie.data ? `${movie.data.title}: showtimes & tickets` : null);

  if (movie.isError) {
    const gone = movie.error instanceof ApiError && (movie.error.status === 404 || movie.error.status === 400);
    return (
      <div className="container">
        {gone ? (
          <EmptyState title="We couldn't find that movie" description="It may have left cinemas, or the link is wrong.">
            <Link to="/" className="btn btn-primary">
              Browse movies
            </Link>
          </EmptyState>
        ) : (
          <ErrorState error={movie.error} what="this movie" onRetry={() => void movie.refetch()}>
            <Link to="/" className="btn btn-secondary">
              Browse movies
            </Link>
          </ErrorState>
        )}
      </div>
    );
  }

  return (
    <>
      {movie.data ? <MovieHero movie={movie.data} /> : <MovieHeroSkeleton />}
      <div className={`container ${styles.content}`}>
        {movie.data?.about ? (
          <section className={styles.about} aria-labelledby="about-heading">
            <h2 id="about-heading" className={styles.sectionTitle}>
              About the movie
            </h2>
            <p className={styles.synopsis}>{movie.data.about}</p>
          </section>
        ) : null}

        <section id="showtimes" className={styles.showtimes} aria-labelledby="showtimes-heading" tabIndex={-1}>
          <h2 id="showtimes-heading" className={styles.sectionTitle}>
            Showtimes
          </h2>
          <DateStrip movieId={movieId} days={days} selected={date.iso} />
          <Showtimes movieId={movieId} day={date} nextDay={days[days.indexOf(date) + 1]} />
        </section>
      </div>
    </>
  );
}

function MovieHero({ movie }: { movie: Movie }) {
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

function MovieHeroSkeleton() {
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
