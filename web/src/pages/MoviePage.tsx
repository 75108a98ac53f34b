import { LoadFailed } from "../components/StatusViews";
import { DateStrip } from "../features/catalog/components/DateStrip";
import { MovieAbout } from "../features/catalog/components/MovieAbout";
import { MovieHero, MovieHeroSkeleton } from "../features/catalog/components/MovieHero";
import { Showtimes } from "../features/catalog/components/Showtimes";
import { useMovie } from "../features/catalog/hooks/use-movie";
import { nextDays } from "../features/catalog/lib/days";
import { missingFromCatalog } from "../features/catalog/lib/missing";
import { useShowsWhere } from "../features/city/hooks/use-city";
import { useDocumentTitle } from "../lib/hooks";
import { Link, useParams, useSearchParams } from "../router";
import styles from "./MoviePage.module.css";

/** How many days of shows we offer (the catalogue schedules a week ahead). */
const DAYS_AHEAD = 7;

export default function MoviePage() {
  const { movieId = "" } = useParams();
  const [params] = useSearchParams();
  const movie = useMovie(movieId);
  const where = useShowsWhere();

  // The cinema's days, whatever the browser's time zone: late evening in New York is already
  // tomorrow in India, and "today" there is the day whose shows are on.
  const days = nextDays(DAYS_AHEAD);
  const requested = params.get("date");
  const date = days.find((d) => d.iso === requested) ?? days[0];

  useDocumentTitle(movie.data ? `${movie.data.title}: showtimes & tickets` : null);

  if (movie.isError) {
    return (
      <LoadFailed
        error={movie.error}
        what="this movie"
        missing={missingFromCatalog("that movie", "left cinemas")}
        onRetry={() => void movie.refetch()}
      >
        <Link to="/" className="btn btn-secondary">
          Browse movies
        </Link>
      </LoadFailed>
    );
  }

  return (
    <>
      {movie.data ? <MovieHero movie={movie.data} /> : <MovieHeroSkeleton />}
      <div className={`container ${styles.content}`}>
        <MovieAbout about={movie.data?.about} loading={movie.isPending} />

        <section id="showtimes" className={styles.showtimes} aria-labelledby="showtimes-heading" tabIndex={-1}>
          <h2 id="showtimes-heading" className={styles.sectionTitle}>
            Showtimes
          </h2>
          <DateStrip movieId={movieId} days={days} selected={date.iso} where={where} />
          <Showtimes movieId={movieId} day={date} nextDay={days[days.indexOf(date) + 1]} where={where} />
        </section>
      </div>
    </>
  );
}
