import { and, eq, isNotNull, isNull } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { movies } from "../../src/db/schema";
import { newHoldId } from "../../src/domain/hold-id";
import { createShow, customer, db, type Hold, newUser, type Order, postHold } from "./fixtures";
import { call, expectSafe, fcOptions, fuzzedShow, type Victim } from "./fuzz-harness";
import { ODD, oddString } from "./fuzz-strings";

/**
 * Bad input at volume, part 2: PATH SEGMENTS and QUERY STRINGS (part 1, fuzz-bodies, does bodies
 * and headers), plus odd unicode in the string fields of a real order. For every request:
 *  - never a 5xx;
 *  - every error is the API's `{error: {code, message, timestamp, ...}}` as JSON, with no stack or SQL;
 *  - nothing is written: the fuzz show's Redis keys, its seat map and the Postgres rows of its
 *    orders (and of any fuzz user) are identical before and after (the unicode-order property
 *    writes on purpose, on a show and users of its own).
 *
 * Requests go straight to the worker's fetch handler (`worker.fetch(request, env, ctx)`: same
 * isolate, bindings and real backends) instead of `exports.default.fetch`, whose harness hop gets
 * slower with every call a file makes (cloudflare/workers-sdk#15446) and would cap this file at a
 * few hundred cases.
 */

const RUNS = {
  movieQueries: 800,
  pathSegments: 1000,
  dates: 300,
  orderListQueries: 300,
  unicodeCustomers: 60,
};

// ------------------------------------------------------------------------------------------------
// Requests and checks

// ------------------------------------------------------------------------------------------------
// State under test

const fuzz = fuzzedShow("fuzz-params", [["E5", "E6"], ["A1"], ["J10"]]);
let showId: string;
let movieIds: string[];
let victims: Victim[];

beforeAll(async () => {
  ({ showId, victims } = fuzz);
  movieIds = (await db().select({ id: movies.id }).from(movies).where(isNull(movies.retiredAt))).map((m) => m.id);
});

const isRetired = async (movieId: string) =>
  (
    await db()
      .select({ id: movies.id })
      .from(movies)
      .where(and(eq(movies.id, movieId), isNotNull(movies.retiredAt)))
  ).length === 1;

// ------------------------------------------------------------------------------------------------
// Generators

/** Text-direction embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069). */
const BIDI_CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

/**
 * Percent-encodes every byte outside [A-Za-z0-9-._~] as UTF-8; a lone surrogate becomes its
 * 3-byte (WTF-8) form, i.e. an invalid UTF-8 sequence the server must survive.
 */
function encode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (/[A-Za-z0-9\-._~]/.test(text[i]!)) {
      out += text[i];
      continue;
    }
    let code = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const bytes =
      code < 0x80
        ? [code]
        : code < 0x800
          ? [0xc0 | (code >> 6), 0x80 | (code & 63)]
          : code < 0x10000
            ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)]
            : [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  }
  return out;
}

/** Text as it goes into a URL: properly encoded, or with raw junk a sloppy client would send. */
const urlText = (text: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: text.map(encode) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text.map(encode), fc.constantFrom("%", "%z", "%E0%A4", "%C0%AF", "%FF", "+", ";", "%2F", "%25"))
        .map(([t, junk]) => `${t}${junk}`),
    },
  );

const numberish = fc.oneof(
  fc.integer({ min: -5, max: 20_000 }).map(String),
  fc.constantFrom(
    "",
    " ",
    "1.5",
    "1e3",
    "1e999",
    "-0",
    "0x10",
    "NaN",
    "Infinity",
    "99999999999999999999",
    "1 ",
    " 1",
    "١",
    "1\u0000",
    "[]",
    "null",
  ),
);

// ------------------------------------------------------------------------------------------------

describe("fuzz: query strings", { timeout: 120_000 }, () => {
  it("GET /movies with odd page, pageSize, q, genre, language (and junk keys) → 200 or 400", async () => {
    const value = fc.oneof(numberish, oddString, fc.constantFrom("Drama", "hindi", "a".repeat(41), "a".repeat(101)));
    const param = fc.tuple(
      fc.constantFrom("page", "pageSize", "q", "genre", "language", "q", "genre", "__proto__", "constructor", "page[]"),
      value,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(param, fc.boolean()), { maxLength: 5 }), async (params) => {
        const query = params.map(([[k, v], raw]) => `${encode(k)}=${raw ? encode(v).replace(/%20/g, "+") : encode(v)}`);
        const path = `/api/v1/movies?${query.join("&")}`;
        const res = await call(path);
        const { status, body } = await expectSafe(res, `GET ${path}`);
        expect([200, 400]).toContain(status);
        if (status === 200) expect(Array.isArray((body as { items: unknown[] }).items)).toBe(true);
      }),
      fcOptions(RUNS.movieQueries),
    );
  });

  it("GET /movies/:id/shows?date= with odd dates → 200 or 400", async () => {
    const date = fc.oneof(
      fc
        .date({ min: new Date(-62_000_000_000_000), max: new Date(253_402_300_799_000) })
        .map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString().slice(0, 10))),
      fc.constantFrom(
        "0000-01-01",
        "9999-12-31",
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-1-1",
        "24-01-01",
        "+02024-01-01",
        "2024-01-01T00:00:00Z",
        "2024/01/01",
        "today",
        "",
      ),
      oddString,
    );
    await fc.assert(
      fc.asyncProperty(date, fc.constantFrom(...movieIds), async (d, movieId) => {
        const path = `/api/v1/movies/${movieId}/shows?date=${encode(d)}`;
        const { status } = await expectSafe(await call(path), `GET ${path}`);
        // Other suites retire movies of their own while this runs: a 404 is true only for those.
        if (status === 404) expect(await isRetired(movieId), `404 for live movie ${movieId}`).toBe(true);
        else expect([200, 400]).toContain(status);
      }),
      fcOptions(RUNS.dates),
    );
  });

  it("GET /orders with odd page and pageSize → 200 or 400", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom("page", "pageSize", "status", "userId"), numberish), { maxLength: 4 }),
        async (params) => {
          const path = `/api/v1/orders?${params.map(([k, v]) => `${k}=${encode(v)}`).join("&")}`;
          const { status, body } = await expectSafe(
            await call(path, { headers: { "x-user-id": newUser("fz") } }),
            path,
          );
          expect([200, 400]).toContain(status);
          if (status === 200) expect((body as { total: number }).total).toBe(0); // a stranger sees no orders
        },
      ),
      fcOptions(RUNS.orderListQueries),
    );
  });

  it("page and pageSize are digits only: 1e3, 0x10, +1, 1.0, ' 1' and friends are 400, not coerced", async () => {
    const NOT_DIGITS = ["1e3", "1e1", "0x10", "0b1", "0o7", "+1", "1.0", "1.", " 1", "1 ", "Infinity", "1_0", "١"];
    const user = newUser("fz");
    for (const name of ["page", "pageSize"]) {
      for (const value of NOT_DIGITS) {
        for (const [path, headers] of [
          ["/api/v1/movies", {}],
          ["/api/v1/orders", { "x-user-id": user }],
        ] as const) {
          const url = `${path}?${name}=${encode(value)}`;
          const { status, body } = await expectSafe(await call(url, { headers }), `GET ${url}`);
          expect(status, `GET ${url}`).toBe(400);
          expect((body as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
        }
      }
    }
    // The control: plain digits still page.
    const { status, body } = await expectSafe(await call("/api/v1/movies?page=2&pageSize=3"), "digits");
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 2, pageSize: 3 });
  });

  it("a text-direction override or isolate (U+202A-E, U+2066-9) in q, genre or language is a 400", async () => {
    for (const name of ["q", "genre", "language"]) {
      for (const bidi of BIDI_CONTROLS) {
        const url = `/api/v1/movies?${name}=${encode(`drama${bidi}x`)}`;
        const { status, body } = await expectSafe(await call(url), `GET ${url}`);
        expect(status, `${name} with U+${bidi.codePointAt(0)?.toString(16)}`).toBe(400);
        expect((body as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
      }
    }
    // The control: a right-to-left script itself is fine.
    expect((await expectSafe(await call(`/api/v1/movies?q=${encode("فيلم")}`), "arabic q")).status).toBe(200);
  });

  it("a NUL byte in q, genre or language is a 400, not a 500", async () => {
    for (const name of ["q", "genre", "language"]) {
      const res = await call(`/api/v1/movies?${name}=drama%00`);
      const { status } = await expectSafe(res, `GET /movies?${name}=drama%00`);
      expect(status, name).toBe(400);
    }
  });
});

describe("fuzz: path segments", { timeout: 120_000 }, () => {
  it("odd ids in every path (catalog, seat map, holds, orders) → clean 4xx, and nothing written", async () => {
    const ENDPOINTS: [string, string][] = [
      ["GET", "/api/v1/movies/ID"],
      ["GET", "/api/v1/movies/ID/shows?date=2030-01-01"],
      ["GET", "/api/v1/movies/ID/poster.svg"],
      ["GET", "/api/v1/shows/ID"],
      ["GET", "/api/v1/shows/ID/seatmap"],
      ["GET", "/api/v1/holds/ID"],
      ["PUT", "/api/v1/holds/ID"],
      ["DELETE", "/api/v1/holds/ID"],
      ["GET", "/api/v1/orders/ID"],
      ["POST", "/api/v1/orders/ID/confirm-payment"],
      ["POST", "/api/v1/orders/ID/cancel"],
    ];
    /** Real ids (a movie, the show, a victim's hold) and mutations of them, or plain junk. */
    const realId = fc.oneof(
      fc.constantFrom(...movieIds),
      fc.constant(showId),
      fc.constantFrom(...victims.map((v) => v.holdId)),
      fc.uuid().map(String),
      fc.uint8Array({ minLength: 12, maxLength: 12 }).map((bytes) => newHoldId(showId, "0".repeat(16), bytes)),
    );
    const mutated = fc
      .tuple(realId, fc.nat(), fc.constantFrom(...ODD, "A", "-", "=", ""))
      .chain(([id, at, ch]) =>
        fc.constantFrom(
          id.toUpperCase(),
          id.toLowerCase(),
          `${id}${ch}`,
          `${ch}${id}`,
          id.slice(0, at % id.length),
          `${id.slice(0, at % id.length)}${ch}${id.slice((at % id.length) + 1)}`,
          ` ${id}`,
          `${id}\n`,
          `{${id}}`,
        ),
      );
    const segment = fc.oneof(
      { weight: 3, arbitrary: urlText(mutated) },
      { weight: 1, arbitrary: realId.map((id) => id.replace(/[0-9a-f]/, (c) => `%${c.charCodeAt(0).toString(16)}`)) },
      { weight: 2, arbitrary: urlText(oddString) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "",
          ".",
          "..",
          "%2e%2e",
          "%00",
          "null",
          "undefined",
          "__proto__",
          "constructor",
          "0",
        ),
      },
      { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }).map((n) => "a".repeat(n)) },
    );
    const junkQuery = fc.option(
      fc.constantFrom("?__proto__[admin]=1", "?constructor[prototype][x]=1", "?userId=victim", "?a=%00", "?x=%E0%A4"),
      { freq: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS),
        segment,
        junkQuery,
        fc.nat(victims.length - 1),
        async ([method, template], seg, query, v) => {
          const path = template.replace("ID", seg) + (query && !template.includes("?") ? query : "");
          const headers: Record<string, string> = { "x-user-id": newUser("fz"), "content-type": "application/json" };
          // A body that would be honoured for the hold's owner: only ownership stands in the way.
          const body =
            method === "PUT"
              ? JSON.stringify({ seatIds: victims[v]!.seats, quantity: victims[v]!.seats.length })
              : undefined;
          const res = await call(path, { method, headers, body });
          const { status } = await expectSafe(res, `${method} ${path}`);
          // A stranger changes nothing and reads no one's hold or order; catalog reads may succeed.
          if (method !== "GET" || /\/(holds|orders)\//.test(template)) expect(status).toBeGreaterThanOrEqual(400);
        },
      ),
      fcOptions(RUNS.pathSegments),
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Odd unicode in the string fields of a REAL order: may be accepted (201) or refused (400), never
// a 5xx, and what is accepted must come back exactly as sent (trimmed), not silently mangled.

describe("fuzz: odd unicode in a real order's customer details", { timeout: 120_000 }, () => {
  let unicodeShow: string;
  let nextSeat = 0;
  const SEATS = "ABCDEFGHIJ".split("").flatMap((row) => Array.from({ length: 10 }, (_, i) => `${row}${i + 1}`));

  beforeAll(async () => {
    unicodeShow = await createShow();
  });

  /** A fresh user holding one seat of the unicode show; another show once this one is used up. */
  async function heldSeat(): Promise<{ userId: string; holdId: string }> {
    if (nextSeat === SEATS.length) {
      unicodeShow = await createShow();
      nextSeat = 0;
    }
    const userId = newUser("fzu");
    const res = await postHold(userId, unicodeShow, [SEATS[nextSeat++]!]);
    expect(res.status).toBe(201);
    return { userId, holdId: ((await res.json()) as Hold).holdId };
  }

  /** A name with control and format characters (bidi overrides, NUL, ZWSP…) dropped, NFC, trimmed. */
  const sanitised = (name: string) =>
    name
      .normalize("NFC")
      .replace(/[\p{Cc}\p{Cf}]/gu, "")
      .replace(/\s+/g, " ")
      .trim();

  const order = (userId: string, holdId: string, who: Record<string, string>) =>
    call("/api/v1/orders", {
      method: "POST",
      headers: { "x-user-id": userId, "content-type": "application/json" },
      body: JSON.stringify({ holdId, customer: who }),
    });

  it("names, emails and phones with bidi overrides, NUL, lone surrogates, emoji, combining marks", async () => {
    const odd = fc.constantFrom(...ODD);
    const who = fc.record({
      name: fc.oneof(
        fc.tuple(odd, odd).map(([a, b]) => `Asha${a}Rao${b}`),
        odd.map((a) => `${a}Asha Rao`),
        oddString.map((s) => `Asha ${s}`),
      ),
      email: fc.oneof(
        { weight: 3, arbitrary: fc.constant(customer.email) },
        { weight: 1, arbitrary: odd.map((a) => `asha${a}@example.com`) },
      ),
      phone: fc.oneof(
        { weight: 3, arbitrary: fc.constant(customer.phone) },
        { weight: 1, arbitrary: odd.map((a) => `+91 98765${a}43210`) },
      ),
    });
    await fc.assert(
      fc.asyncProperty(who, async (details) => {
        const { userId, holdId } = await heldSeat();
        const res = await order(userId, holdId, details);
        const { status, body } = await expectSafe(res, `POST /orders customer=${JSON.stringify(details)}`);
        expect([201, 400]).toContain(status);
        if (status === 201) {
          // Stored as sent (trimmed) — or sanitised: control/format characters dropped, NFC. Never
          // replaced by U+FFFD. Compared as JSON: a raw lone surrogate in a failure message would
          // break the pool's WebSocket to vitest.
          const stored = (body as Order).customer.name ?? "";
          const asSent = stored === details.name.trim() || sanitised(stored) === sanitised(details.name);
          expect(asSent, `stored ${JSON.stringify(stored)} for ${JSON.stringify(details.name)}`).toBe(true);
        }
      }),
      fcOptions(RUNS.unicodeCustomers),
    );
  });

  it("a text-direction override or isolate in the customer's name is a 400 (and the hold survives)", async () => {
    for (const bidi of BIDI_CONTROLS) {
      const { userId, holdId } = await heldSeat();
      // "Asha <RLO>oaR": would display as "Asha Rao" reversed on a ticket or in a staff list.
      const res = await order(userId, holdId, { ...customer, name: `Asha ${bidi}oaR` });
      const { status, body } = await expectSafe(res, `name with U+${bidi.codePointAt(0)?.toString(16)}`);
      expect(status, `U+${bidi.codePointAt(0)?.toString(16)}`).toBe(400);
      expect((body as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
      if (bidi === BIDI_CONTROLS.at(-1)) expect((await order(userId, holdId, customer)).status).toBe(201);
    }
  });

  it("a NUL in the customer's name is a 400, not a 500 (and the hold survives)", async () => {
    const { userId, holdId } = await heldSeat();
    const res = await order(userId, holdId, { ...customer, name: "Asha\u0000Rao" });
    const { status } = await expectSafe(res, "name with NUL");
    expect(status).toBe(400);
    const retry = await order(userId, holdId, customer);
    expect(retry.status).toBe(201);
  });

  it("a lone surrogate in the customer's name is refused, not stored mangled", async () => {
    const { userId, holdId } = await heldSeat();
    const name = "Asha \uD800Rao";
    const res = await order(userId, holdId, { ...customer, name });
    const { status, body } = await expectSafe(res, "name with a lone surrogate");
    // Refused (400), or stored without the half character — but not with U+FFFD in its place.
    if (status === 201) expect(JSON.stringify((body as Order).customer.name)).toBe(JSON.stringify("Asha Rao"));
    else expect(status).toBe(400);
  });
});
