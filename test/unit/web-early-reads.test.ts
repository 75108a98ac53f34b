import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../web/src/api/api-error.ts";
import { type EarlyRead, earlyData, handEarlyReadsTo, loadEarly } from "../../web/src/api/early-reads.ts";

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

  it("hands every answer to the query cache once it exists: those before, and those after", async () => {
    const before = scripted("before", [{ items: [1] }]);
    await loadEarly(before.read);
    const queryClient = new QueryClient();
    handEarlyReadsTo((key, data, updatedAt) => queryClient.setQueryData(key, data, { updatedAt }));
    expect(queryClient.getQueryData(["test", "before"])).toEqual({ items: [1] });

    const after = scripted("after", [{ items: [2] }]);
    await loadEarly(after.read);
    expect(queryClient.getQueryData(["test", "after"])).toEqual({ items: [2] });
    // Handed over as fresh as it is: a page using the same key and staleness does not ask again.
    expect(queryClient.getQueryState(["test", "after"])?.dataUpdatedAt).toBeGreaterThan(Date.now() - 5_000);
  });
});
