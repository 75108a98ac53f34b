// The back office's rules on the real stack: overlaps refused (also concurrently), layout versions
// under sold shows, prices fixed after the first sale, sales closed and the orphan rule switched at
// once, bad input as 400s, retired movies gone from the catalog, posters in R2, and an audit row for
// every action.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shows } from "../../src/db/schema";
import {
  as,
  futureStart,
  hallLayout,
  json,
  newMovie,
  newScreen,
  newShow,
  prices,
  type Show,
  type Staff,
  staff,
} from "./admin-helpers";
import { db, locksOf, newUser, placeOrder, postHold, postOrder } from "./fixtures";
import { call, errorOf } from "./http";

let s: Staff;
let movieId: string;
beforeAll(async () => {
  s = await staff();
  movieId = (await newMovie(s)).id;
});

const schedule = (screenId: string, body: Record<string, unknown>, who: "admin" | "managerA" = "managerA") =>
  as(s, who, `/theatres/${s.theatreA}/shows`, { method: "POST", json: { movieId, screenId, prices, ...body } });

describe("scheduling shows", () => {
  it("refuses an overlapping show (runtime + cleaning buffer) with 409 naming the clash", async () => {
    const screen = await newScreen(s);
    const first = await newShow(s, movieId, screen.id);
    // 120-minute movie + 15-minute buffer: a start 2 h 10 min later is still inside.
    const clashing = new Date(Date.parse(first.startTime) + 130 * 60_000).toISOString();
    const res = await schedule(screen.id, { startTime: clashing });
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe("SHOW_OVERLAP");
    expect(error.message).toContain(first.id);
    expect(error.clashes).toEqual([
      { showId: first.id, startTime: first.startTime, hallFreeAt: first.hallFreeAt, requestedStart: clashing },
    ]);
    // Just after the hall is free is fine.
    expect((await schedule(screen.id, { startTime: first.hallFreeAt })).status).toBe(201);
  });

  it("lets exactly one of two concurrent requests for the same slot win (the exclusion constraint)", async () => {
    const screen = await newScreen(s);
    const startTime = futureStart("09:00");
    const answers = await Promise.all(Array.from({ length: 4 }, () => schedule(screen.id, { startTime })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const rows = await db().select().from(shows).where(eq(shows.screenId, screen.id));
    expect(rows).toHaveLength(1);
    const loser = answers.find((r) => r.status === 409) as Response;
    expect((await errorOf(loser)).clashes).toEqual([expect.objectContaining({ showId: rows[0]?.id })]);
  });

  it("schedules a run (days × times) all or none, with the show's language, format and prices", async () => {
    const screen = await newScreen(s);
    const from = futureStart().slice(0, 10);
    const to = new Date(Date.parse(from) + 2 * 86_400_000).toISOString().slice(0, 10);
    const run = { from, to, times: ["10:00", "14:00", "18:30"] };
    const body = await json<{ shows: Show[] }>(
      await schedule(screen.id, { run, language: "English", format: "IMAX" }),
      201,
    );
    expect(body.shows).toHaveLength(9);
    expect(body.shows[0]?.startTime).toBe(`${from}T04:30:00.000Z`); // 10:00 IST
    const detail = await json<{ language: string; format: string; categories: { code: string; price: string }[] }>(
      await call(`/api/v1/shows/${body.shows[0]?.id}`),
      200,
    );
    expect(detail).toMatchObject({ language: "English", format: "IMAX" });
    expect(detail.categories).toEqual([
      { code: "PRIME", name: "Prime", price: "350.00" },
      { code: "CLASSIC", name: "Classic", price: "200.00" },
    ]);
    // The same run again overlaps itself entirely: nothing is added.
    const again = await schedule(screen.id, { run });
    expect(again.status).toBe(409);
    expect(await db().select().from(shows).where(eq(shows.screenId, screen.id))).toHaveLength(9);
  });

  it("answers bad input with 400 in the error shape, never 500", async () => {
    const screen = await newScreen(s);
    const missing = await schedule(screen.id, { startTime: futureStart(), prices: { PRIME: "300.00", VIP: "900.00" } });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: "VALIDATION_FAILED", missing: ["CLASSIC"], unknown: ["VIP"] });
    const past = await schedule(screen.id, { startTime: "2020-01-01T10:00:00Z" });
    expect((await errorOf(past)).code).toBe("VALIDATION_FAILED");
    const badLayout = {
      name: "Broken",
      layout: {
        categories: [{ code: "GOLD", name: "Gold", surcharge: "0.00" }],
        rows: [
          { label: "A", category: "GOLD", columns: [1, 1, 2] },
          { label: "B", category: "SILVER", columns: [1, 2], wheelchair: [7] },
        ],
      },
    };
    const res = await as(s, "managerA", `/theatres/${s.theatreA}/screens`, { method: "POST", json: badLayout });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect((error.issues as { message: string }[]).map((i) => i.message)).toEqual(
      expect.arrayContaining([
        "row A: seat A1 appears twice",
        "row B: category SILVER is not one of the priced categories",
        "row B: wheelchair seat 7 is not a seat of the row",
      ]),
    );
    for (const body of [
      {},
      { movieId: "nope" },
      "not json",
      { movieId, screenId: screen.id, startTime: "soon", prices },
    ]) {
      const r = await as(s, "managerA", `/theatres/${s.theatreA}/shows`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
      expect(r.status).toBe(400);
      expect((await errorOf(r)).timestamp).toEqual(expect.any(String));
    }
  });
});

describe("layouts and prices under sales", () => {
  it("edits a layout whose shows have sales into a new version; old shows keep theirs", async () => {
    const screen = await newScreen(s);
    const sold = await newShow(s, movieId, screen.id);
    await placeOrder(newUser("admin-sale"), sold.id, ["A1"]);
    const edit = await as(s, "managerA", `/theatres/${s.theatreA}/screens/${screen.id}`, {
      method: "PATCH",
      json: { layout: hallLayout(true) },
    });
    const edited = await json<{ layoutChange: string; layoutVersion: number; layoutId: string; seats: number }>(
      edit,
      200,
    );
    expect(edited).toMatchObject({ layoutChange: "NEW_VERSION", layoutVersion: 2, seats: 18 });
    expect(edited.layoutId).not.toBe(screen.layoutId);
    const [old] = await db().select().from(shows).where(eq(shows.id, sold.id));
    expect(old?.layoutId).toBe(screen.layoutId);
    const oldMap = await json<{ counts: { total: number } }>(await call(`/api/v1/shows/${sold.id}/seatmap`), 200);
    expect(oldMap.counts.total).toBe(13);
    const next = await newShow(s, movieId, screen.id);
    expect(next.layoutId).toBe(edited.layoutId);

    // A screen with no sales is edited in place.
    const quiet = await newScreen(s);
    const unsold = await newShow(s, movieId, quiet.id);
    const inPlace = await as(s, "managerA", `/theatres/${s.theatreA}/screens/${quiet.id}`, {
      method: "PATCH",
      json: { layout: hallLayout(true) },
    });
    expect(await json(inPlace, 200)).toMatchObject({
      layoutChange: "IN_PLACE",
      layoutVersion: 1,
      layoutId: quiet.layoutId,
    });
    const map = await json<{ counts: { total: number } }>(await call(`/api/v1/shows/${unsold.id}/seatmap`), 200);
    expect(map.counts.total).toBe(18);
  });

  it("lists each show with its own seats sold, not every seat sold anywhere", async () => {
    const screen = await newScreen(s);
    const sold = await newShow(s, movieId, screen.id);
    const quiet = await newShow(s, movieId, screen.id);
    await placeOrder(newUser("admin-count"), sold.id, ["C1", "C2"]);
    const window = `from=${new Date().toISOString()}&to=${new Date(Date.now() + 4000 * 86_400_000).toISOString()}`;
    const list = await json<{ shows: { id: string; seatsSold: number }[] }>(
      await as(s, "managerA", `/theatres/${s.theatreA}/shows?${window}`),
      200,
    );
    const soldOf = (id: string) => list.shows.find((x) => x.id === id)?.seatsSold;
    expect([soldOf(sold.id), soldOf(quiet.id)]).toEqual([2, 0]);
  });

  it("changes prices before the first sale only (409 PRICES_LOCKED after)", async () => {
    const show = await newShow(s, movieId, (await newScreen(s)).id);
    const path = `/theatres/${s.theatreA}/shows/${show.id}/prices`;
    const cheaper = { PRIME: "300.00", CLASSIC: "150.00" };
    expect(await json(await as(s, "managerA", path, { method: "PUT", json: { prices: cheaper } }), 200)).toMatchObject({
      prices: cheaper,
    });
    const order = await placeOrder(newUser("admin-price"), show.id, ["C1", "A2"]);
    expect(order.amount).toBe("450.00"); // 300 + 150, no convenience fee at this theatre
    const locked = await as(s, "managerA", path, { method: "PUT", json: { prices } });
    expect(locked.status).toBe(409);
    expect(await errorOf(locked)).toMatchObject({ code: "PRICES_LOCKED", seatsSold: 2 });
  });
});

describe("every edit reaches customers at once", () => {
  it("closing sales refuses the next hold and order, even with the show's booking info cached", async () => {
    const show = await newShow(s, movieId, (await newScreen(s)).id);
    const buyer = newUser("admin-closed");
    // Warm the caches: a seat map and a hold read the show's booking info.
    await call(`/api/v1/shows/${show.id}/seatmap`);
    const held = await json<{ holdId: string }>(await postHold(buyer, show.id, ["B1"]), 201);
    const close = await as(s, "managerA", `/theatres/${s.theatreA}/shows/${show.id}/sales`, {
      method: "PUT",
      json: { open: false },
    });
    expect(await json(close, 200)).toMatchObject({ salesOpen: false });
    const refused = await postHold(newUser("admin-closed"), show.id, ["B2"]);
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toMatchObject({ code: "HOLD_RULE_BROKEN", rule: "SHOW_CLOSED" });
    // The hold taken before the close cannot become an order: Postgres checks sales_open.
    const order = await postOrder(buyer, held.holdId);
    expect(order.status).toBe(409);
    expect((await errorOf(order)).code).toBe("SHOW_CLOSED");
    const seatMap = await json<{ bookable: boolean }>(await call(`/api/v1/shows/${show.id}/seatmap`), 200);
    expect(seatMap.bookable).toBe(false);
  });

  it("retires a movie: gone from the catalog list and page at once", async () => {
    const movie = await newMovie(s);
    const { title } = await json<{ title: string }>(await call(`/api/v1/movies/${movie.id}`), 200);
    const list = `/api/v1/movies?q=${encodeURIComponent(title)}`;
    expect((await json<{ total: number }>(await call(list), 200)).total).toBe(1);
    await json(await as(s, "admin", `/movies/${movie.id}/retire`, { method: "POST" }), 200);
    expect((await call(`/api/v1/movies/${movie.id}`)).status).toBe(404);
    expect((await json<{ total: number }>(await call(list), 200)).total).toBe(0);
    const scheduled = await schedule((await newScreen(s)).id, { movieId: movie.id, startTime: futureStart() });
    expect((await errorOf(scheduled)).code).toBe("MOVIE_RETIRED");
  });
});

describe("the orphan rule, switched by staff", () => {
  const rulePath = (showId: string, theatreId = s.theatreA) => `/theatres/${theatreId}/shows/${showId}/orphan-rule`;
  const setRule = (showId: string, orphanRule: unknown, who: "managerA" | "usherA" = "managerA") =>
    as(s, who, rulePath(showId), { method: "PUT", json: { orphanRule } });
  const ruleOf = async (showId: string) =>
    (await db().select({ rule: shows.orphanRule }).from(shows).where(eq(shows.id, showId)))[0]?.rule;

  it("reaches the very next hold, even with the show's booking info cached; audited each way", async () => {
    const show = await newShow(s, movieId, (await newScreen(s)).id);
    expect(show).toMatchObject({ orphanRule: false });
    // Warm the caches with the rule off: a seat map and a hold read the show's booking info.
    await call(`/api/v1/shows/${show.id}/seatmap`);
    await json(await postHold(newUser("orphan-warm"), show.id, ["B1"]), 201);

    expect(await json(await setRule(show.id, true), 200)).toMatchObject({ id: show.id, orphanRule: true });
    // C2+C3 would leave C1 alone at the row's end, and C1+C2 would not: refused, naming C1.
    const buyer = newUser("orphan-pick");
    const refused = await postHold(buyer, show.id, ["C2", "C3"]);
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ code: "SEAT_STRANDED", seat: "C1" });
    expect((await locksOf(show.id)).has("C2")).toBe(false);
    // A repeat changes nothing and writes no second audit row.
    expect(await json(await setRule(show.id, true), 200)).toMatchObject({ orphanRule: true });

    expect(await json(await setRule(show.id, false), 200)).toMatchObject({ orphanRule: false });
    expect(await ruleOf(show.id)).toBe(false);
    await json(await postHold(buyer, show.id, ["C2", "C3"]), 201);

    type Page = { entries: { action: string; before: unknown; after: unknown }[] };
    const page = await json<Page>(await as(s, "managerA", `/audit?targetType=show&targetId=${show.id}`), 200);
    expect(page.entries.map((e) => e.action)).toEqual(["show.orphan_rule_off", "show.orphan_rule_on", "show.create"]);
    expect(page.entries[1]).toMatchObject({ before: { orphanRule: false }, after: { orphanRule: true } });
  });

  it("is set when scheduling (`orphanRule: true`), off when not said", async () => {
    const screen = await newScreen(s);
    const ruled = await json<{ shows: Show[] }>(
      await schedule(screen.id, { startTime: futureStart("10:00"), orphanRule: true }),
      201,
    );
    const [show] = ruled.shows;
    expect(show).toMatchObject({ orphanRule: true });
    expect(await ruleOf(show?.id ?? "")).toBe(true);
    const refused = await postHold(newUser("orphan-scheduled"), show?.id ?? "", ["C3", "C4"]);
    expect(await errorOf(refused)).toMatchObject({ code: "SEAT_STRANDED", seat: "C5" });
    const plain = await newShow(s, movieId, screen.id, futureStart("16:00"));
    expect(await ruleOf(plain.id)).toBe(false);
    const bad = await schedule(screen.id, { startTime: futureStart("20:00"), orphanRule: "yes" });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe("VALIDATION_FAILED");
  });

  it("answers bad input, an unknown show and another theatre's show with 4xx JSON, changing nothing", async () => {
    const show = await newShow(s, movieId, (await newScreen(s)).id);
    for (const body of [{ orphanRule: "yes" }, {}, { orphanRule: null }]) {
      const res = await as(s, "managerA", rulePath(show.id), { method: "PUT", json: body });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("VALIDATION_FAILED");
    }
    const notJson = await as(s, "managerA", rulePath(show.id), {
      method: "PUT",
      body: "on",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect((await errorOf(await setRule("not-a-show", true))).code).toBe("VALIDATION_FAILED");
    const unknown = await setRule(crypto.randomUUID(), true);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("SHOW_NOT_FOUND");

    // Theatre B's show: not found under theatre A's path; theatre B is not managerA's.
    const screenB = await newScreen(s, s.theatreB);
    const scheduledB = await as(s, "admin", `/theatres/${s.theatreB}/shows`, {
      method: "POST",
      json: { movieId, screenId: screenB.id, startTime: futureStart(), prices },
    });
    const showB = (await json<{ shows: Show[] }>(scheduledB, 201)).shows[0] as Show;
    const viaA = await setRule(showB.id, true);
    expect(viaA.status).toBe(404);
    expect((await errorOf(viaA)).code).toBe("SHOW_NOT_FOUND");
    const viaB = await as(s, "managerA", rulePath(showB.id, s.theatreB), { method: "PUT", json: { orphanRule: true } });
    expect(viaB.status).toBe(404);
    expect((await errorOf(viaB)).code).toBe("THEATRE_NOT_FOUND");
    const usher = await setRule(show.id, true, "usherA");
    expect(usher.status).toBe(403);
    expect([await ruleOf(show.id), await ruleOf(showB.id)]).toEqual([false, false]);
  });
});

describe("posters", () => {
  it("stores an uploaded image in R2 under its content address, served as immutable; refuses a non-image", async () => {
    const movie = await newMovie(s);
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...crypto.getRandomValues(new Uint8Array(64))]);
    const form = new FormData();
    form.set("poster", new Blob([image], { type: "image/jpeg" }), "poster.jpg");
    const res = await as(s, "admin", `/movies/${movie.id}/poster`, { method: "PUT", body: form });
    const { posterUrl } = await json<{ posterUrl: string }>(res, 200);
    expect(posterUrl).toMatch(/^\/api\/v1\/posters\/[0-9a-f]{64}\.jpg$/);
    const served = await call(posterUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(image);
    expect((await json<{ posterUrl: string }>(await call(`/api/v1/movies/${movie.id}`), 200)).posterUrl).toBe(
      posterUrl,
    );

    const svgAsPng = await as(s, "admin", `/movies/${movie.id}/poster`, {
      method: "PUT",
      body: "<svg/>",
      headers: { "content-type": "image/png" },
    });
    expect(svgAsPng.status).toBe(415);
    expect((await errorOf(svgAsPng)).code).toBe("POSTER_UNSUPPORTED");
  });
});

describe("the audit log", () => {
  it("holds who, when, what, before and after of each action, filtered and scoped to the caller's theatres", async () => {
    const screen = await newScreen(s);
    const show = await newShow(s, movieId, screen.id);
    await as(s, "managerA", `/theatres/${s.theatreA}/shows/${show.id}/sales`, { method: "PUT", json: { open: false } });
    await as(s, "managerA", `/theatres/${s.theatreA}`, { method: "PATCH", json: { convenienceFee: "30.00" } });

    type Page = { entries: { action: string; actor: { role: string }; before: unknown; after: unknown }[] };
    const page = await json<Page>(await as(s, "managerA", `/audit?targetType=show&targetId=${show.id}`), 200);
    expect(page.entries.map((e) => e.action)).toEqual(["show.sales_close", "show.create"]);
    expect(page.entries[0]).toMatchObject({
      actor: { role: "theatre_manager" },
      before: { salesOpen: true },
      after: { salesOpen: false },
    });
    const screenEntries = await json<Page>(await as(s, "admin", `/audit?action=screen&targetId=${screen.id}`), 200);
    expect(screenEntries.entries.map((e) => e.action)).toEqual(["screen.create"]);
    const fee = await json<Page>(
      await as(s, "admin", `/audit?action=theatre.update&theatreId=${s.theatreA}&limit=1`),
      200,
    );
    expect(fee.entries[0]).toMatchObject({ before: expect.any(Object), after: { convenienceFee: "30.00" } });

    // Theatre B's manager sees nothing of theatre A.
    const other = await json<Page>(await as(s, "managerB", `/audit?targetId=${show.id}`), 200);
    expect(other.entries).toEqual([]);
  });

  it("pages by cursor without repeats", async () => {
    const first = await json<{ entries: { id: string }[]; nextCursor: string }>(
      await as(s, "admin", "/audit?limit=2"),
      200,
    );
    expect(first.entries).toHaveLength(2);
    const second = await json<{ entries: { id: string }[] }>(
      await as(s, "admin", `/audit?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`),
      200,
    );
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]?.id);
  });

  it("records grants and revokes", async () => {
    const grant = await as(s, "managerA", `/theatres/${s.theatreA}/staff`, {
      method: "POST",
      json: { email: s.newcomer, role: "usher" },
    });
    const { userId } = await json<{ userId: string }>(grant, 201);
    expect(
      (await as(s, "managerA", `/theatres/${s.theatreA}/staff/${userId}/usher`, { method: "DELETE" })).status,
    ).toBe(200);
    const again = await as(s, "managerA", `/theatres/${s.theatreA}/staff/${userId}/usher`, { method: "DELETE" });
    expect(again.status).toBe(404);
    const page = await json<{ entries: { action: string }[] }>(
      await as(s, "admin", `/audit?targetId=${userId}&limit=2`),
      200,
    );
    expect(page.entries.map((e) => e.action)).toEqual(["staff.revoke", "staff.grant"]);
  });
});
