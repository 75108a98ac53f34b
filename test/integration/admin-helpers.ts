// Callers and fixtures of the back office tests: real sessions of each kind of staff (staff-fixtures),
// a movie, a screen of theatre A with two categories and a gap, and requests as each caller.
import { inArray } from "drizzle-orm";
import { staffActions } from "../../src/admin/tables";
import { db } from "./fixtures";
import { call } from "./http";
import { sessionCallerCookies } from "./staff-fixtures";

export type Caller = "admin" | "managerA" | "managerB" | "usherA" | "customer" | "guest" | "nobody";
export const CALLERS: Caller[] = ["admin", "managerA", "managerB", "usherA", "customer", "guest", "nobody"];

export type Staff = Awaited<ReturnType<typeof sessionCallerCookies>>;

export const staff = () => sessionCallerCookies();

/** A request as `who` (a browser session: cookies, Origin and the CSRF token on writes). */
export function as(s: Staff, who: Caller, path: string, init: RequestInit & { json?: unknown } = {}) {
  return call(`/api/v1/admin${path}`, {
    ...init,
    headers: { ...s.headersOf[who], origin: "http://localhost", ...(init.headers as Record<string, string>) },
  });
}

export const hallLayout = (extraRow = false) => ({
  categories: [
    { code: "PRIME", name: "Prime", surcharge: "100.00" },
    { code: "CLASSIC", name: "Classic", surcharge: "0.00" },
  ],
  rows: [
    { label: "A", category: "CLASSIC", columns: [1, 2, null, 3, 4], wheelchair: [1], companion: [2] },
    { label: "B", category: "CLASSIC", columns: [1, 2, null, 3, 4], aisleAfter: true },
    { label: "C", category: "PRIME", columns: [1, 2, 3, 4, 5] },
    ...(extraRow ? [{ label: "D", category: "PRIME", columns: [1, 2, 3, 4, 5] }] : []),
  ],
});

export const movieBody = (title = `Admin Test ${crypto.randomUUID().slice(0, 6)}`) => ({
  title,
  synopsis: "A test of the back office.",
  genres: ["Drama"],
  languages: ["Hindi", "English"],
  formats: ["2D"],
  runtimeMins: 120,
  ageRating: "UA",
  rating: "7.5",
  releaseDate: "2026-01-01",
});

export const prices = { PRIME: "350.00", CLASSIC: "200.00" };

let day = 0;
/** A start time no other test picks: a distinct day (2–200 days ahead), 18:30 cinema time. */
export function futureStart(hour = "13:00"): string {
  day = (day % 190) + 1;
  const d = new Date(Date.now() + (10 + day + Math.floor(Math.random() * 3000)) * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${hour}:00Z`;
}

export async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface Screen {
  id: string;
  layoutId: string;
  layoutVersion: number;
}
export interface Show {
  id: string;
  layoutId: string;
  startTime: string;
  hallFreeAt: string;
  salesOpen: boolean;
  orphanRule: boolean;
  prices: Record<string, string>;
}

export async function newMovie(s: Staff): Promise<{ id: string }> {
  return json(await as(s, "admin", "/movies", { method: "POST", json: movieBody() }), 201);
}

export async function newScreen(s: Staff, theatreId = s.theatreA): Promise<Screen> {
  const body = { name: `Audi ${crypto.randomUUID().slice(0, 8)}`, layout: hallLayout() };
  return json(await as(s, "admin", `/theatres/${theatreId}/screens`, { method: "POST", json: body }), 201);
}

export async function newShow(s: Staff, movieId: string, screenId: string, startTime = futureStart()) {
  const body = { movieId, screenId, startTime, prices };
  const { shows } = await json<{ shows: Show[] }>(
    await as(s, "admin", `/theatres/${s.theatreA}/shows`, { method: "POST", json: body }),
    201,
  );
  return shows[0] as Show;
}

/** The audit rows our callers wrote (other files' tests write their own). */
export async function auditCount(s: Staff): Promise<number> {
  const rows = await db()
    .select({ id: staffActions.id })
    .from(staffActions)
    .where(inArray(staffActions.actorUserId, Object.values(s.userIds)));
  return rows.length;
}
