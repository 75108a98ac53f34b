// The RBAC matrix over every admin route (the show operations have theirs in admin-ops-rbac.test.ts): each caller's answer is what requireStaff specifies, and
// a refused request changes nothing (no audit row, the resource as it was).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { movies, screens, shows, theatres } from "../../src/db/schema";
import { addCinemaDays, cinemaToday } from "../../src/shared/cinema-time";
import {
  as,
  auditCount,
  CALLERS,
  type Caller,
  futureStart,
  hallLayout,
  json,
  movieBody,
  newMovie,
  newScreen,
  newShow,
  prices,
  type Staff,
  staff,
} from "./admin-helpers";
import { db } from "./fixtures";
import { errorOf } from "./http";

/** Where a route acts, and so who may: the answers requireStaff gives each caller. */
type Scope = "read-at-A" | "manage-at-A" | "everywhere" | "any-theatre-read" | "any-theatre-manage";
const ANSWERS: Record<Scope, Record<Caller, number | "ok">> = {
  "read-at-A": { admin: "ok", managerA: "ok", usherA: "ok", managerB: 404, customer: 404, guest: 404, nobody: 401 },
  "manage-at-A": { admin: "ok", managerA: "ok", usherA: 403, managerB: 404, customer: 404, guest: 404, nobody: 401 },
  everywhere: { admin: "ok", managerA: 403, usherA: 403, managerB: 403, customer: 403, guest: 403, nobody: 401 },
  "any-theatre-read": {
    admin: "ok",
    managerA: "ok",
    usherA: "ok",
    managerB: "ok",
    customer: 403,
    guest: 403,
    nobody: 401,
  },
  "any-theatre-manage": {
    admin: "ok",
    managerA: "ok",
    usherA: 403,
    managerB: "ok",
    customer: 403,
    guest: 403,
    nobody: 401,
  },
};
const CODES: Record<number, string> = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "THEATRE_NOT_FOUND" };

let s: Staff;
let movieId: string;
let screenId: string;
let showId: string;
let newcomerId: string;
let retiring: string;

/** The role the DELETE route takes away, granted again before each caller tries. */
const grantNewcomer = async () => {
  const res = await as(s, "admin", `/theatres/${s.theatreA}/staff`, {
    method: "POST",
    json: { email: s.newcomer, role: "usher" },
  });
  newcomerId = (await json<{ userId: string }>(res, 201)).userId;
};

beforeAll(async () => {
  s = await staff();
  movieId = (await newMovie(s)).id;
  screenId = (await newScreen(s)).id;
  showId = (await newShow(s, movieId, screenId)).id;
});

const A = () => `/theatres/${s.theatreA}`;
const today = cinemaToday();
const inAMonth = addCinemaDays(today, 30);
const png = () =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...crypto.getRandomValues(new Uint8Array(32))]);

/** Every admin route: its scope, its success status, and a request that would succeed for an allowed caller. */
type Send = (who: Caller) => Promise<Response>;
const ROUTES: [string, Scope, number, Send, (() => Promise<unknown>)?][] = [
  ["GET /admin/movies", "any-theatre-read", 200, (w) => as(s, w, "/movies")],
  ["POST /admin/movies", "everywhere", 201, (w) => as(s, w, "/movies", { method: "POST", json: movieBody() })],
  [
    "PATCH /admin/movies/{id}",
    "everywhere",
    200,
    (w) => as(s, w, `/movies/${movieId}`, { method: "PATCH", json: { rating: "8.0" } }),
  ],
  [
    "POST /admin/movies/{id}/retire",
    "everywhere",
    200,
    (w) => as(s, w, `/movies/${retiring}/retire`, { method: "POST" }),
    async () => {
      retiring = (await newMovie(s)).id;
    },
  ],
  [
    "PUT /admin/movies/{id}/poster",
    "everywhere",
    200,
    (w) =>
      as(s, w, `/movies/${movieId}/poster`, { method: "PUT", body: png(), headers: { "content-type": "image/png" } }),
  ],
  ["GET /admin/theatres", "any-theatre-read", 200, (w) => as(s, w, "/theatres")],
  [
    "POST /admin/theatres",
    "everywhere",
    201,
    (w) =>
      as(s, w, "/theatres", {
        method: "POST",
        json: {
          name: "RBAC Hall",
          city: "Pune",
          address: "1 Test Road",
          cancellationPolicy: { available: true, cutoffMinutes: 60, feePercent: 10 },
          convenienceFee: "20.00",
        },
      }),
  ],
  ["GET /admin/theatres/{id}", "read-at-A", 200, (w) => as(s, w, A())],
  [
    "PATCH /admin/theatres/{id}",
    "manage-at-A",
    200,
    (w) => as(s, w, A(), { method: "PATCH", json: { convenienceFee: "25.00" } }),
  ],
  ["GET /admin/theatres/{id}/screens", "read-at-A", 200, (w) => as(s, w, `${A()}/screens`)],
  [
    "POST /admin/theatres/{id}/screens",
    "manage-at-A",
    201,
    (w) =>
      as(s, w, `${A()}/screens`, {
        method: "POST",
        json: { name: `RBAC ${crypto.randomUUID().slice(0, 8)}`, layout: hallLayout() },
      }),
  ],
  [
    "PATCH /admin/theatres/{id}/screens/{id}",
    "manage-at-A",
    200,
    (w) => as(s, w, `${A()}/screens/${screenId}`, { method: "PATCH", json: { layout: hallLayout(true) } }),
  ],
  ["GET /admin/theatres/{id}/shows", "read-at-A", 200, (w) => as(s, w, `${A()}/shows`)],
  [
    "POST /admin/theatres/{id}/shows",
    "manage-at-A",
    201,
    (w) =>
      as(s, w, `${A()}/shows`, {
        method: "POST",
        json: { movieId, screenId, startTime: futureStart("04:00"), prices },
      }),
  ],
  [
    "PUT /admin/theatres/{id}/shows/{id}/sales",
    "manage-at-A",
    200,
    (w) => as(s, w, `${A()}/shows/${showId}/sales`, { method: "PUT", json: { open: false } }),
  ],
  [
    "PUT /admin/theatres/{id}/shows/{id}/prices",
    "manage-at-A",
    200,
    (w) =>
      as(s, w, `${A()}/shows/${showId}/prices`, {
        method: "PUT",
        json: { prices: { PRIME: "400.00", CLASSIC: "210.00" } },
      }),
  ],
  [
    "PUT /admin/theatres/{id}/shows/{id}/orphan-rule",
    "manage-at-A",
    200,
    // Flipped from what the show has, so every allowed caller's request is a change (and a refused one would show).
    async (w) => {
      const [show] = await db().select({ rule: shows.orphanRule }).from(shows).where(eq(shows.id, showId));
      return as(s, w, `${A()}/shows/${showId}/orphan-rule`, { method: "PUT", json: { orphanRule: !show?.rule } });
    },
  ],
  ["GET /admin/audit", "any-theatre-manage", 200, (w) => as(s, w, "/audit")],
  ["GET /admin/theatres/{id}/staff", "read-at-A", 200, (w) => as(s, w, `${A()}/staff`)],
  [
    "POST /admin/theatres/{id}/staff",
    "manage-at-A",
    201,
    (w) => as(s, w, `${A()}/staff`, { method: "POST", json: { email: s.newcomer, role: "usher" } }),
  ],
  [
    "DELETE /admin/theatres/{id}/staff/{userId}/{role}",
    "manage-at-A",
    200,
    async (w) => {
      return as(s, w, `${A()}/staff/${newcomerId}/usher`, { method: "DELETE" });
    },
    grantNewcomer,
  ],
  // Later admin routes (the numbers; the on-sale's refusal counts and waiting room) take the same helper.
  ["GET /admin/reports", "any-theatre-manage", 200, (w) => as(s, w, `/reports?from=${today}&to=${inAMonth}`)],
  ["GET /admin/refusals", "everywhere", 200, (w) => as(s, w, "/refusals")],
  [
    "PUT /admin/theatres/{id}/shows/{id}/onsale",
    "manage-at-A",
    200,
    (w) =>
      as(s, w, `${A()}/shows/${showId}/onsale`, {
        method: "PUT",
        json: { opensAt: new Date(Date.now() + 60_000).toISOString(), admitPerSecond: 5, maxActive: 10 },
      }),
  ],
  [
    "DELETE /admin/theatres/{id}/shows/{id}/onsale",
    "manage-at-A",
    204,
    (w) => as(s, w, `${A()}/shows/${showId}/onsale`, { method: "DELETE" }),
  ],
];

/** What a refused request might have changed: theatre A, its screens and shows, the movie, the audit rows. */
async function snapshot() {
  const [theatre] = await db().select().from(theatres).where(eq(theatres.id, s.theatreA));
  const screenRows = await db().select().from(screens).where(eq(screens.theatreId, s.theatreA));
  const showRows = await db().select().from(shows).where(eq(shows.theatreId, s.theatreA));
  const [movie] = await db().select().from(movies).where(eq(movies.id, movieId));
  return { theatre, screens: screenRows.length, shows: showRows, movie, audit: await auditCount(s) };
}

describe("the RBAC matrix over every admin route", () => {
  it.each(
    ROUTES.flatMap(([name, scope, ok, send, prepare]) =>
      CALLERS.map((who) => [name, who, scope, ok, send, prepare] as const),
    ),
  )("%s as %s", async (_name, who, scope, ok, send, prepare) => {
    const expected = ANSWERS[scope][who];
    await prepare?.();
    const before = expected === "ok" ? undefined : await snapshot();
    const res = await send(who);
    if (expected === "ok") {
      expect(res.status, await res.clone().text()).toBe(ok);
      return;
    }
    expect(res.status).toBe(expected);
    expect((await errorOf(res)).code).toBe(CODES[expected]);
    expect(await snapshot()).toEqual(before);
  });
});
