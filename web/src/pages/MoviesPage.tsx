import { useEffect, useRef } from "react";
import { FilterChips, FilterChipsSkeleton } from "../components/FilterChips";
import { SearchIcon } from "../components/Icons";
import { Pagination } from "../components/Pagination";
import { EmptyState, ErrorState } from "../components/StatusViews";
import { MovieCard, MovieCardSkeleton } from "../features/catalog/components/MovieCard";
import { useMovieList } from "../features/catalog/hooks/use-movie-list";
import { CityList } from "../features/city/components/CityList";
import { useCity } from "../features/city/hooks/use-city";
import { useDocumentTitle } from "../lib/hooks";
import { useSearchParams } from "../router";
import styles from "./MoviesPage.module.css";

/** 18 fills whole rows at 2, 3 and 6 columns. */
const PAGE_SIZE = 18;

type FilterKey = "q" | "genre" | "language" | "page";

export function MoviesPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q")?.trim() || undefined;
  const genre = params.get("genre")?.trim() || undefined;
  const language = params.get("language")?.trim() || undefined;
  const page = pageOf(params.get("page"));
  const { city } = useCity();

  const { data, error, isPending, isError, isFetching, isPlaceholderData, refetch } = useMovieList({
    page,
    pageSize: PAGE_SIZE,
    q,
    genre,
    language,
    city: city ?? undefined,
  });

  useDocumentTitle(q ? `“${q}” · Movies` : city ? `Movies in ${city}` : "Movies now showing");

  // New page of results: back to the top of the grid.
  const previousPage = useRef(page);
  useEffect(() => {
    if (previousPage.current !== page) window.scrollTo({ top: 0 });
    previousPage.current = page;
  }, [page]);

  function update(changes: Partial<Record<FilterKey, string | undefined>>) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!("page" in changes)) next.delete("page");
      return next;
    });
  }

  const hrefOf = (target: number) => {
    const next = new URLSearchParams(params);
    if (target > 1) next.set("page", String(target));
    else next.delete("page");
    const search = next.toString();
    return search ? `?${search}` : "?";
  };

  const hasFilters = Boolean(genre || language);
  const total = data?.total ?? 0;
  const firstShown = (page - 1) * PAGE_SIZE + 1;
  const lastShown = Math.min(total, page * PAGE_SIZE);

  return (
    <div className={`container ${styles.page}`}>
      <div className={styles.head}>
        <h1 className={styles.heading}>
          {q ? (
            <>
              Results for <span className={styles.query}>“{q}”</span>
            </>
          ) : city ? (
            `Movies in ${city}`
          ) : (
            "Movies now showing"
          )}
        </h1>
        <p className={styles.count} aria-live="polite" aria-atomic="true">
          {data && !isPlaceholderData
            ? total === 0
              ? "No movies found"
              : data.totalPages > 1
                ? `${firstShown}–${lastShown} of ${total} movies`
                : `${total} ${total === 1 ? "movie" : "movies"}`
            : "\u00a0"}
        </p>
      </div>

      {city ? null : (
        <section className={styles.cityPrompt} aria-labelledby="city-prompt">
          <h2 id="city-prompt" className={styles.cityPromptTitle}>
            Where are you watching?
          </h2>
          <CityList />
        </section>
      )}

      {data || !isError ? (
        <section className={styles.filters} aria-label="Filters">
          {data ? (
            <>
              <FilterChips
                label="Language"
                options={data.filters.languages}
                selected={language}
                onSelect={(value) => update({ language: value })}
              />
              <FilterChips
                label="Genre"
                options={data.filters.genres}
                selected={genre}
                onSelect={(value) => update({ genre: value })}
              />
            </>
          ) : (
            <>
              <FilterChipsSkeleton label="Language" count={6} />
              <FilterChipsSkeleton label="Genre" count={9} />
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="results-heading" aria-busy={isFetching}>
        <h2 id="results-heading" className="visually-hidden">
          Movies
        </h2>
        {isPending ? (
          <ul className={styles.grid} aria-label="Loading movies">
            {Array.from({ length: 12 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
              <li key={i}>
                <MovieCardSkeleton />
              </li>
            ))}
          </ul>
        ) : isError ? (
          <ErrorState error={error} what="movies" onRetry={() => void refetch()} />
        ) : data.items.length === 0 ? (
          total > 0 ? (
            <EmptyState title="This page is empty" description={`There are ${total} movies, on fewer pages than that.`}>
              <button type="button" className="btn btn-primary" onClick={() => update({ page: undefined })}>
                Go to the first page
              </button>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<SearchIcon size={28} />}
              title={q ? `No movies match “${q}”` : "No movies match these filters"}
              description={
                q && hasFilters
                  ? "Check the spelling, or search all languages and genres."
                  : q
                    ? "Check the spelling, or try a shorter title."
                    : "Try another language or genre."
              }
            >
              {hasFilters ? (
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => update({ genre: undefined, language: undefined })}
                >
                  Clear filters
                </button>
              ) : null}
              {q ? (
                <button type="button" className="btn btn-primary" onClick={() => update({ q: undefined })}>
                  Clear search
                </button>
              ) : null}
            </EmptyState>
          )
        ) : (
          <>
            <ul className={`${styles.grid} ${isPlaceholderData ? styles.stale : ""}`}>
              {data.items.map((movie) => (
                <li key={movie.id}>
                  <MovieCard movie={movie} />
                </li>
              ))}
            </ul>
            <Pagination page={page} totalPages={data.totalPages} hrefOf={hrefOf} />
          </>
        )}
      </section>
    </div>
  );
}

function pageOf(raw: string | null): number {
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
