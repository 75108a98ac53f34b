// The back office's operations under test: two theatres of their own, a caller of each kind
// (real sessions), shows at either theatre, and requests made the way the web UI makes them.
import { eq } from "drizzle-orm";
import { staffActions } from "../../src/admin/tables";
import { createShow, db } from "./fixtures";
import { call } from "./http";
import { sessionCallerCookies } from "./staff-fixtures";

export type Caller = "admin" | "managerA" | "managerB" | "usherA" | "customer" | "guest" | "nobody";
export const CALLERS: Caller[] = ["admin", "managerA", "managerB", "usherA", "customer", "guest", "nobody"];

let world: ReturnType<typeof sessionCallerCookies> | undefined;
/** The two theatres and their callers, made once per test file. */
export const backOffice = () => {
  world ??= sessionCallerCookies();
  return world;
};

/** A request as `who`: their session cookies (and CSRF token), plus the page's Origin on writes. */
export async function as(
  who: Caller,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
) {
  const { headersOf } = await backOffice();
  const write = init.method !== undefined && init.method !== "GET";
  return call(path, {
    method: init.method,
    headers: { ...headersOf[who], ...(write ? { origin: "http://localhost" } : {}), ...init.headers },
    json: init.json,
  });
}

export const showPath = (showId: string, rest: string) => `/api/v1/admin/shows/${showId}/${rest}`;

/** A show at theatre A (or B), tomorrow-ish, in the default 10×10 hall. */
export async function showAt(theatre: "A" | "B", opts: Parameters<typeof createShow>[0] = {}) {
  const { theatreA, theatreB } = await backOffice();
  return createShow({ ...opts, theatreId: theatre === "A" ? theatreA : theatreB });
}

/** Seats held by `who` themselves, the way the box office starts a counter sale. */
export async function holdAs(who: Caller, showId: string, seatIds: string[]) {
  const res = await as(who, "/api/v1/holds", { method: "POST", json: { showId, seatIds, quantity: seatIds.length } });
  if (res.status !== 201) throw new Error(`hold as ${who}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { holdId: string }).holdId;
}

/** The audit rows about one target, oldest first. */
export async function auditOf(targetId: string) {
  const rows = await db().select().from(staffActions).where(eq(staffActions.targetId, targetId));
  return rows.sort((a, b) => a.at.localeCompare(b.at));
}

/** Waits until `check` holds (the queue consumer works in the background), or fails with its last value. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000) {
  let value = await read();
  for (const deadline = Date.now() + timeoutMs; !check(value) && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
