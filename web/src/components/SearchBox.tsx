import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "../router";
import { CloseIcon, SearchIcon } from "./Icons";
import styles from "./SearchBox.module.css";

const DEBOUNCE_MS = 300;

/**
 * The header's movie search. On the movies page it filters as you type (debounced, `?q=` in the
 * URL, replacing history so Back leaves the page rather than stepping through keystrokes);
 * elsewhere, Enter takes you to the results. Press "/" anywhere to jump here.
 */
export function SearchBox() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const onMoviesPage = pathname === "/";
  const urlQuery = onMoviesPage ? (params.get("q") ?? "") : "";

  const [value, setValue] = useState(urlQuery);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest params, for a debounced commit that fires after other filters may have changed.
  const paramsRef = useRef(params);
  paramsRef.current = params;

  // URL → input (Back/Forward, "clear search", leaving the movies page), unless it's only our own
  // trimmed echo of what is being typed.
  useEffect(() => {
    setValue((current) => (current.trim() === urlQuery ? current : urlQuery));
  }, [urlQuery]);

  // A pending keystroke commit never outlives the page it was typed on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => () => clearTimeout(timer.current), [pathname]);

  // "/" focuses the search box, as on most catalogue sites.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function commit(raw: string, replace: boolean) {
    clearTimeout(timer.current);
    const q = raw.trim();
    const next = new URLSearchParams(onMoviesPage ? paramsRef.current : undefined);
    if (q) next.set("q", q);
    else next.delete("q");
    next.delete("page");
    const search = next.toString();
    if (onMoviesPage && search === paramsRef.current.toString()) return;
    navigate(search ? `/?${search}` : "/", { replace });
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const next = event.target.value;
    setValue(next);
    if (!onMoviesPage) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next, true), DEBOUNCE_MS);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    commit(value, onMoviesPage);
    inputRef.current?.blur(); // closes the on-screen keyboard on phones
  }

  function clear() {
    setValue("");
    if (onMoviesPage) commit("", true);
    inputRef.current?.focus();
  }

  return (
    <search className={styles.search}>
      <form className={styles.form} onSubmit={onSubmit}>
        <label htmlFor="movie-search" className="visually-hidden">
          Search movies
        </label>
        <SearchIcon className={styles.icon} size={18} />
        <input
          ref={inputRef}
          id="movie-search"
          className={styles.input}
          type="search"
          name="q"
          value={value}
          onChange={onChange}
          placeholder="Search movies, languages, genres"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          aria-keyshortcuts="/"
        />
        {value ? (
          <button type="button" className={styles.clear} onClick={clear} aria-label="Clear search">
            <CloseIcon size={16} />
          </button>
        ) : (
          <span className={styles.hint} aria-hidden="true">
            /
          </span>
        )}
      </form>
    </search>
  );
}
