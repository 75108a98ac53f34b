/**
 * The reads the movies page makes before the query library is there. @tanstack/react-query weighs
 * ~10 KB gzipped, as much as the movies page's own code, so it is not in the first load: it comes
 * with the first lazy page (../routes.ts loads it beside every page's code), while the grid, its
 * filters and the city list render from these. An early read is a key (the query cache's own), a
 * fetch and a staleness, with react-query's rules as this app sets them: one request per key at a
 * time, fresh answers reused, the same retries (`shouldRetry`, `retryDelay`), the last key's data
 * kept on screen while the next loads (`keepPrevious`), errored or stale reads fetched again when
 * the browser comes back online. Every answer is handed to the query cache once it exists
 * ({@link handEarlyReadsTo}), so a page opened from the grid starts from the grid's data as before;
 * so is a request still under way, which the cache then waits for instead of asking again.
 *
 * A lazy page's first reads start here too, from the entry as soon as its route matches, beside the
 * page's code ({@link readForPage}): through the query cache when it is there, else as early reads.
 */
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { retryDelay, shouldRetry } from "./api-error";

export interface EarlyRead<T> {
  /** The query cache's key for the same data. */
  key: readonly unknown[];
  fetch: () => Promise<T>;
  /** How long an answer is fresh, ms. */
  staleTime: number;
  /** While a new key loads, show the last key's data (react-query's `keepPreviousData`). */
  keepPrevious?: boolean;
}

/** As react-query's result: pending (no data, no failure), failed (data kept if there was some), or data. */
export type EarlyReadResult<T> = {
  isFetching: boolean;
  /** `data` is the last key's, shown while this one loads. */
  isPlaceholderData: boolean;
  refetch: () => Promise<void>;
} & (
  | { isPending: true; isError: false; data: undefined; error: undefined }
  | { isPending: false; isError: true; data: T | undefined; error: unknown }
  | { isPending: false; isError: false; data: T; error: undefined }
);

interface Entry {
  key: readonly unknown[];
  data?: unknown;
  error?: unknown;
  updatedAt: number;
  inFlight?: Promise<void>;
  /** The request under way's answer (rejects as it failed, after its retries). */
  answer?: Promise<unknown>;
}

/** The query cache, as the early reads hand over to it (./query-client.tsx). */
export interface EarlyReadsCache {
  /** An answer, as fresh as it is. */
  put(key: readonly unknown[], data: unknown, updatedAt: number): void;
  /** A request under way: the cache waits for its answer rather than asking again. */
  awaiting(key: readonly unknown[], answer: Promise<unknown>): void;
  /** A read made by the cache itself (its freshness, one request per key). */
  read(read: EarlyRead<unknown>): void;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;
let cache: EarlyReadsCache | null = null;

const idOf = (key: readonly unknown[]) => JSON.stringify(key);
const notify = () => {
  version++;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const entryOf = (key: readonly unknown[]): Entry => {
  const id = idOf(key);
  let entry = entries.get(id);
  if (!entry) {
    entry = { key, updatedAt: 0 };
    entries.set(id, entry);
  }
  return entry;
};

const isFresh = (entry: Entry, staleTime: number) =>
  entry.data !== undefined && entry.error === undefined && Date.now() - entry.updatedAt < staleTime;

/** Fetches unless a fresh answer is there (or `force`); one request per key at a time. */
export function loadEarly<T>(read: EarlyRead<T>, force = false): Promise<void> {
  const entry = entryOf(read.key);
  if (entry.inFlight) return entry.inFlight;
  if (!force && isFresh(entry, read.staleTime)) return Promise.resolve();
  const answer = fetchWithRetries(read);
  entry.answer = answer;
  entry.inFlight = answer.then(
    (data) => {
      entry.data = data;
      entry.error = undefined;
      entry.updatedAt = Date.now();
      cache?.put(entry.key, data, entry.updatedAt);
    },
    (error: unknown) => {
      entry.error = error;
    },
  );
  const settled = entry.inFlight.finally(() => {
    entry.inFlight = undefined;
    entry.answer = undefined;
    notify();
  });
  cache?.awaiting(entry.key, answer);
  notify();
  return settled;
}

/**
 * A lazy page's first read, started by the entry when its route matches (before the page's code
 * is there): made by the query cache when it is loaded, else as an early read handed to it later.
 * Either way one request per key, and a fresh answer is not asked for again.
 */
export function readForPage<T>(read: EarlyRead<T>): void {
  // Called while the route renders: what the read tells its listeners goes out once that render is done.
  queueMicrotask(() => {
    if (cache) cache.read(read);
    else void loadEarly(read);
  });
}

async function fetchWithRetries<T>(read: EarlyRead<T>): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await read.fetch();
    } catch (error) {
      if (!shouldRetry(failures, error)) throw error;
      await sleep(retryDelay(failures, error));
    }
  }
}

/** What is known of a read now (no fetch). */
export function earlyData<T>(read: EarlyRead<T>): T | undefined {
  return entries.get(idOf(read.key))?.data as T | undefined;
}

/**
 * Called once, by the query client when it is made: every answer so far goes into its cache, and
 * every request under way, then each new one as it starts and arrives.
 */
export function handEarlyReadsTo(to: EarlyReadsCache): void {
  for (const entry of entries.values()) {
    if (entry.answer) to.awaiting(entry.key, entry.answer);
    else if (entry.data !== undefined) to.put(entry.key, entry.data, entry.updatedAt);
  }
  cache = to;
}

/**
 * How the query client takes the early reads over (./query-client.tsx; a type import here: the
 * library stays off the first load). A request under way becomes the cache's fetch of its key, so a
 * page mounting meanwhile waits for it instead of asking again; it was retried already (the same
 * rules), and if it failed, a page mounting after asks again.
 */
export const queryCacheOf = (queryClient: QueryClient): EarlyReadsCache => ({
  put: (key, data, updatedAt) => queryClient.setQueryData(key, data, { updatedAt }),
  awaiting: (key, answer) => void queryClient.prefetchQuery({ queryKey: key, queryFn: () => answer, retry: false }),
  read: ({ key, fetch, staleTime }) => void queryClient.prefetchQuery({ queryKey: key, queryFn: fetch, staleTime }),
});

/** A read for a component: fetched when it mounts or its key changes (unless fresh), re-rendered on news. */
export function useEarlyRead<T>(read: EarlyRead<T>): EarlyReadResult<T> {
  useSyncExternalStore(subscribe, () => version);
  const id = idOf(read.key);
  const latest = useRef(read);
  latest.current = read;
  const shown = useRef<T | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key (by value) decides; the read object is new every render
  useEffect(() => {
    void loadEarly(latest.current);
    const again = () => void loadEarly(latest.current);
    addEventListener("online", again);
    return () => removeEventListener("online", again);
  }, [id]);

  const entry = entries.get(id);
  const data = entry?.data as T | undefined;
  const error = entry?.error;
  const placeholder = data === undefined && error === undefined && read.keepPrevious ? shown.current : undefined;
  if (data !== undefined) shown.current = data;
  const common = {
    isFetching: entry?.inFlight !== undefined,
    isPlaceholderData: placeholder !== undefined,
    refetch: () => loadEarly(latest.current, true),
  };
  const shownData = data ?? placeholder;
  if (error !== undefined) return { ...common, isPending: false, isError: true, data, error };
  if (shownData === undefined) return { ...common, isPending: true, isError: false, data: undefined, error: undefined };
  return { ...common, isPending: false, isError: false, data: shownData, error: undefined };
}
