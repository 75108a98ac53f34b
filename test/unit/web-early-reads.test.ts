import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../web/src/api/api-error.ts";
import {
  type EarlyRead,
  earlyData,
  handEarlyReadsTo,
  loadEarly,
  queryCacheOf,
  readForPage,
} from "../../web/src/api/early-reads.ts";

/** A read whose fetch answers from `answers` in turn (an Error is thrown), counting its calls. */
function scripted<T>(key: string, answers: (T | Error)[], staleTime = 60_000) {
  const calls = { count: 0 };
  const read: EarlyRead<T> = {
    key: ["test", key],
    staleTime,
    fetch: async () => {
      const answer = answers[Math.min(calls.count++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return answer as T;
    },
  };
  return { read, calls };
}

describe("web early reads (the movies page before the query library)", () => {
  it("asks once per key at a time, reuses a fresh answer, and asks again when forced", async () => {
    const { read, calls } = scripted("once", ["a", "b"]);
    await Promise.all([loadEarly(read), loadEarly(read), loadEarly(read)]);
    expect(calls.count).toBe(1);
    expect(earlyData(read)).toBe("a");
    await loadEarly(read);
    expect(calls.count).toBe(1);
    await loadEarly(read, true);
    expect(calls.count).toBe(2);
    expect(earlyData(read)).toBe("b");
  });

  it("asks again once the answer is stale", async () => {
    const { read, calls } = scripted("stale", ["a", "b"], 0);
    await loadEarly(read);
    await loadEarly(read);
    expect(calls.count).toBe(2);
    expect(earlyData(read)).toBe("b");
  });

  it("retries what may work the second time (a 503), not a 404: the query client's own rules", async () => {
    const busy = scripted("busy", [new ApiError(503, "HTTP_503", "busy"), "ok"]);
    await loadEarly(busy.read);
    expect(busy.calls.count).toBe(2);
    expect(earlyData(busy.read)).toBe("ok");

    const missing = scripted("missing", [new ApiError(404, "MOVIE_NOT_FOUND", "No such movie"), "never"]);
    await loadEarly(missing.read);
    expect(missing.calls.count).toBe(1);
    expect(earlyData(missing.read)).toBeUndefined();
  });

  it("hands every answer to the query cache once it exists: those before, those under way, and those after", async () => {
    const before = scripted("before", [{ items: [1] }]);
    await loadEarly(before.read);
    // A request still under way when the cache comes (the seat page's, started as its route matched).
    const slow = deferred<{ items: number[] }>();
    const underWay: EarlyRead<{ items: number[] }> = {
      key: ["test", "under-way"],
      staleTime: 60_000,
      fetch: () => slow.promise,
    };
    const underWayLoaded = loadEarly(underWay);

    // A query client, wired as the app's is when the first lazy page loads it (web/src/api/query-client.tsx).
    const queryClient = new QueryClient();
    handEarlyReadsTo(queryCacheOf(queryClient));
    expect(queryClient.getQueryData(["test", "before"])).toEqual({ items: [1] });
    expect(queryClient.getQueryState(["test", "under-way"])?.fetchStatus).toBe("fetching");
    // A page mounting meanwhile (an observer with its own fetch, stale at once) waits for that answer.
    const page = mountQuery(queryClient, ["test", "under-way"]);
    slow.resolve({ items: [3] });
    await underWayLoaded;
    await expect.poll(() => page.result()).toEqual({ items: [3] });
    expect(page.calls.count).toBe(0);
    page.unmount();

    const after = scripted("after", [{ items: [2] }]);
    const afterLoaded = loadEarly(after.read);
    const afterPage = mountQuery(queryClient, ["test", "after"]);
    await afterLoaded;
    expect(queryClient.getQueryData(["test", "after"])).toEqual({ items: [2] });
    await expect.poll(() => afterPage.result()).toEqual({ items: [2] });
    expect(after.calls.count + afterPage.calls.count).toBe(1);
    afterPage.unmount();
    // Handed over as fresh as it is: a page using the same key and staleness does not ask again.
    expect(queryClient.getQueryState(["test", "after"])?.dataUpdatedAt).toBeGreaterThan(Date.now() - 5_000);
  });

  it("reads a page's first data through the query cache once it is there: one request, a fresh answer reused", async () => {
    const queryClient = new QueryClient();
    handEarlyReadsTo(queryCacheOf(queryClient));
    const { read, calls } = scripted("for-page", [{ seats: 1 }, { seats: 2 }]);
    readForPage(read);
    readForPage(read); // the route rendered again while the first is under way
    await null; // the route's render is done: its reads start
    const page = mountQuery(queryClient, ["test", "for-page"], 60_000);
    await expect.poll(() => page.result()).toEqual({ seats: 1 });
    readForPage(read); // and again, with a fresh answer in the cache
    await null;
    expect(calls.count + page.calls.count).toBe(1);
    page.unmount();
  });
});

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** What a page's `useQuery` does as it mounts: an observer of the key, fetching with its own function when it must. */
function mountQuery(queryClient: QueryClient, queryKey: readonly unknown[], staleTime = 0) {
  const calls = { count: 0 };
  const observer = new QueryObserver(queryClient, {
    queryKey,
    staleTime,
    queryFn: async () => {
      calls.count++;
      return { fromThePage: true };
    },
  });
  const unmount = observer.subscribe(() => undefined);
  return { calls, unmount, result: () => observer.getCurrentResult().data };
}
