/**
 * Plain GETs at a fixed concurrency: the floor (one bare Redis PING through the worker), the
 * catalog (an edge-cache hit) and the seat map of the 1,000-seat show.
 */
import { runLoad } from "../load.ts";
import { Recorder, type StepSummary } from "../measure.ts";

export const paths = {
  floor: "/api/v1/health/redis",
  catalog: "/api/v1/movies?pageSize=20",
  seatmap: (showId: string) => `/api/v1/shows/${showId}/seatmap`,
};

let clients = 0;
/**
 * A client address for the next seat-map request (documentation ranges, only ever a header): the
 * seat map's rate limit is per client address, and real pollers of one show come from many. Since
 * the shared snapshot, one address polling in a loop would hit the limit, not the API.
 */
export const clientHeaders = () => {
  const n = clients++;
  return { "cf-connecting-ip": `${n % 2 ? "198.51.100" : "203.0.113"}.${Math.floor(n / 2) % 250}` };
};

export async function measureGet(
  baseUrl: string,
  name: string,
  path: string,
  load: { connections: number; durationS?: number; amount?: number },
  recorder = new Recorder(),
): Promise<StepSummary> {
  const prepare = path.endsWith("/seatmap") ? () => ({ headers: clientHeaders() }) : undefined;
  await runLoad({ baseUrl, ...load, recorder, steps: [{ name, method: "GET", path, prepare }] });
  const summary = recorder.summary()[name];
  if (!summary) throw new Error(`${name}: no answers`);
  return summary;
}

/** Asks until the answer says it came from the edge cache (the store happens after the answer). */
export async function warmCatalog(baseUrl: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(baseUrl + paths.catalog);
    await res.arrayBuffer();
    if (res.headers.get("server-timing")?.includes('cache;desc="hit"')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the catalog never answered from the cache");
}

/** The show's booking info into the worker's caches, so holds and seat maps start warm. */
export async function warmShow(baseUrl: string, showId: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(baseUrl + paths.seatmap(showId), { headers: clientHeaders() });
    if (!res.ok) throw new Error(`seat map of ${showId}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
}
