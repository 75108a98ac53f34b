/**
 * The reads the movies page makes before the query library is there. @tanstack/react-query weighs
 * ~10 KB gzipped, as much as the movies page's own code, so it is not in the first load: it comes
 * with the first lazy page (../routes.ts loads it beside every page's code), while the grid, its
 * filters and the city list render from these. An early read is a key (the query cache's own), a
 * fetch and a staleness, with react-query's rules as this app sets them: one request per key at a
 * time, fresh answers reused, the same retries (`shouldRetry`, `retryDelay`), the last key's data
 * kept on screen while the next loads (`keepPrevious`), errored or stale reads fetched again when
 * the browser comes back online. Every answer is handed to the query cache once it exists
 * ({@link handEarlyReadsTo}), so a page opened from the grid starts from the grid's data as before.
 */
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
}

type HandOver = (key: readonly unknown[], data: unknown, updatedAt: number) => void;

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;
let handOver: HandOver | null = null;

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
  entry.inFlight = fetchWithRetries(read).then(
    (data) => {
      entry.data = data;
      entry.error = undefined;
      entry.updatedAt = Date.now();
      handOver?.(entry.key, data, entry.updatedAt);
    },
    (error: unknown) => {
      entry.error = error;
    },
  );
  const settled = entry.inFlight.finally(() => {
    entry.inFlight = undefined;
    notify();
  });
  notify();
  return settled;
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
 * Called once, by the query client when it is made: every answer so far goes into its cache, then
 * each new one as it arrives.
 */
export function handEarlyReadsTo(put: HandOver): void {
  for (const entry of entries.values()) if (entry.data !== undefined) put(entry.key, entry.data, entry.updatedAt);
  handOver = put;
}

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
