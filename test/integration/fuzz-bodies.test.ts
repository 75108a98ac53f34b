import fc from "fast-check";
import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newHoldId } from "../../src/domain/hold-id";
import { DEFAULT_LAYOUT, seatIdsOf } from "../../src/domain/seat-layout";
import { newUser, postHold } from "./fixtures";
import { call, dispatch, expectSafe, fcOptions, fuzzedShow, type Victim } from "./fuzz-harness";
import { oddString } from "./fuzz-strings";

/**
 * Bad input at volume, part 1: request BODIES and HEADERS (part 2, fuzz-params, does paths and
 * query strings). Every endpoint that reads a body gets malformed JSON, wrong content types, odd
 * unicode, prototype-pollution keys, huge numbers and oversized payloads; every endpoint gets odd
 * identity headers. Properties, for every request:
 *  - never a 5xx;
 *  - every error is the API's `{error: {code, message, timestamp, ...}}` as JSON, with no stack or SQL;
 *  - nothing is written: the fuzz show's Redis keys (locks, holds, per-user holds, booked set),
 *    its seat map, and the Postgres rows of its orders (and of any fuzz user) are identical
 *    before and after.
 * The generators can produce a VALID request by accident (e.g. a mutated body that happens to be
 * a correct hold on free seats): `acceptableSelection` / `plausibleCustomer` recognise those and
 * fast-check skips them (fc.pre). Valid-looking requests that must still fail (seats another user
 * holds, someone else's hold, a non-JSON content type) are sent.
 *
 * Requests go straight to the worker's fetch handler (`worker.fetch(request, env, ctx)`, same
 * isolate, same bindings, real backends) rather than through `exports.default.fetch`: the harness
 * hop behind the latter gets slower with every call a file makes (cloudflare/workers-sdk#15446:
 * ~25 ms per call for the first 300, ~200 ms by the 600th), which would cap a file at a few
 * hundred cases. The direct call stays at a few ms, so this file sends ~2 900 in ~15-25 s.
 */

const RUNS = {
  holdBodies: 1000,
  changeBodies: 300,
  orderBodies: 500,
  guestBodies: 150,
  orderActionBodies: 200,
  oversized: 100,
  identityHeaders: 600,
};

const ALL_SEATS = seatIdsOf(DEFAULT_LAYOUT);
const MAX_BODY_BYTES = 16 * 1024;
const SECRET = new TextEncoder().encode("test-secret-test-secret-test-secret");

// ------------------------------------------------------------------------------------------------
// Checks

/** `call`, except that a header value fetch itself refuses (CR, LF, NUL) is no request at all. */
async function send(path: string, init: RequestInit): Promise<Response | undefined> {
  let request: Request;
  try {
    request = new Request(`http://localhost${path}`, init);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  return dispatch(request);
}

// ------------------------------------------------------------------------------------------------
// State under test: one fresh show, eight users' holds on it that the fuzz tries to disturb

/** Object.prototype's own keys before any request: the fuzz's `__proto__` keys must not add any. */
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const fuzz = fuzzedShow("fuzz-bodies", [
  ["J1", "J2"],
  ["J4", "J5"],
  ["J7"],
  ["I9", "I10"],
  ["H1"],
  ["H3", "H4"],
  ["G10"],
  ["F5", "F6"],
]);
let showId: string;
let victims: Victim[];

beforeAll(() => {
  ({ showId, victims } = fuzz);
});

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), "Object.prototype was polluted").toEqual(prototypeKeys);
});

// ------------------------------------------------------------------------------------------------
// Generators

/** A JSON value written as text, so it can be what JSON.stringify never writes (1e999, -0, 01). */
class Raw {
  constructor(readonly text: string) {}
}
/** An object as key/value pairs: keys may repeat and may be `__proto__`. */
class Obj {
  constructor(readonly pairs: [string, unknown][]) {}
}
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj) return `{${value.pairs.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(",")}}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  return JSON.stringify(value) ?? "null";
}

const oddNumber = fc.oneof(
  fc.integer({ min: -3, max: 60 }).map((n) => new Raw(String(n))),
  fc
    .constantFrom(
      "1e999",
      "-1e999",
      "123456789012345678901234567890",
      "1.0",
      "2.5",
      "-0",
      "1e-400",
      "0.1e1",
      "9007199254740993",
      "NaN",
      "Infinity",
      "0x10",
      "01",
      '"1"',
      '"NaN"',
      "true",
      "null",
    )
    .map((t) => new Raw(t)),
  fc.double().map((d) => new Raw(String(d))),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { maxDepth: 2 },
  oddString,
  oddNumber,
  fc.constantFrom(null, true, false, [], new Obj([])),
  fc.jsonValue({ maxDepth: 2 }),
);

const seatLike = fc.oneof(
  fc.constantFrom(...ALL_SEATS),
  fc.constantFrom("a1", "A01", "A0", "K1", "J11", "AA1", "ZZ99", " A1", "A1 ", "Ａ1", "A1\u0000", "A-1", "", "A"),
  oddString,
);
const seatIdsValue = fc.oneof(
  fc.uniqueArray(fc.constantFrom(...ALL_SEATS), { maxLength: 12 }),
  fc.array(seatLike, { maxLength: 60 }),
  fc.array(fc.constantFrom(...ALL_SEATS), { minLength: 2, maxLength: 4 }).map((s) => [s[0], ...s]), // duplicates
  anyValue,
);

const POLLUTION: [string, unknown][] = [
  ["__proto__", new Obj([["polluted", true]])],
  ["constructor", new Obj([["prototype", new Obj([["polluted", true]])]])],
  ["prototype", new Obj([["polluted", true]])],
  ["toString", "x"],
  ["hasOwnProperty", 1],
];

/** An object from optional fields, plus maybe pollution keys, an unknown key, or a repeated key. */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Obj> {
  const entries = Object.entries(fields).map(([k, arb]) => fc.option(arb.map((v) => [k, v] as [string, unknown])));
  return fc
    .tuple(
      fc.tuple(...entries),
      fc.subarray(POLLUTION),
      fc.option(fc.tuple(oddString, anyValue)),
      fc.option(fc.tuple(fc.constantFrom(...Object.keys(fields)), anyValue)),
    )
    .map(([present, pollution, extra, repeated]) => {
      const pairs = present.filter((p): p is [string, unknown] => p !== null);
      return new Obj([...pollution, ...pairs, ...(extra ? [extra] : []), ...(repeated ? [repeated] : [])]);
    });
}

/** Body text built from `shape` and then mangled: truncated, wrapped, nested deep, or replaced. */
function bodyText(shape: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: shape.map(toJson) },
    { weight: 2, arbitrary: fc.tuple(shape.map(toJson), fc.nat()).map(([t, n]) => t.slice(0, n % (t.length || 1))) },
    { weight: 1, arbitrary: shape.map((v) => `[${toJson(v)}]`) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 7000 }).map((d) => `${"[".repeat(d)}${"]".repeat(d)}`) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 2000 }).map((d) => `${'{"a":'.repeat(d)}1${"}".repeat(d)}`) },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", " ", "null", "NaN", "undefined", "{", "}", '{"', "{'a':1}", "\uFEFF{}", "[]"),
    },
  );
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "application/json; charset=utf-16",
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fuzz",
  "application/xml",
  "application/jsonx",
  "json",
  "",
];
/** `undefined`: no Content-Type header at all. */
const contentType = fc.option(fc.constantFrom(...CONTENT_TYPES), { freq: 6 });

/** What Hono's json validator would read: the parsed body for a JSON media type, else `{}`. */
function parsedAsServer(type: string | null, text: string): unknown {
  const media = (type ?? "").split(";")[0]!.trim().toLowerCase();
  if (!/^application\/([\w.-]+\+)?json$/i.test(media)) return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Seats and quantity the API would accept for the fuzz show (so a request with them may write). */
function acceptableSelection(body: Record<string, unknown>): boolean {
  const { seatIds, quantity } = body;
  return (
    Array.isArray(seatIds) &&
    seatIds.length >= 1 &&
    seatIds.length <= 10 &&
    seatIds.every((s) => typeof s === "string" && ALL_SEATS.includes(s)) &&
    new Set(seatIds).size === seatIds.length &&
    quantity === seatIds.length
  );
}

/** Could these customer details pass any reasonable validation? (Then an owner's request may write.) */
function plausibleCustomer(customer: unknown): boolean {
  if (!isRecord(customer)) return false;
  const { name, email, phone } = customer;
  return (
    typeof name === "string" &&
    name.trim().length >= 2 &&
    typeof email === "string" &&
    email.includes("@") &&
    typeof phone === "string" &&
    phone.replace(/\D/g, "").length >= 7
  );
}

const fuzzUser = () => newUser("fz");

const jsonType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/vnd.api+json",
);

/** Seat ids that pass the schema's pattern but not necessarily the hall, and a quantity for them. */
const selection = (): fc.Arbitrary<[string[], number]> =>
  fc
    .oneof(
      fc.uniqueArray(fc.constantFrom(...ALL_SEATS), { minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom(...ALL_SEATS, "K1", "J11", "AA1", "ZZ99", "A99"), { minLength: 1, maxLength: 12 }),
      fc.subarray(
        victims.flatMap((v) => v.seats),
        { minLength: 1 },
      ),
      fc
        .tuple(
          fc.subarray(
            victims.flatMap((v) => v.seats),
            { minLength: 1 },
          ),
          fc.constantFrom("A1", "B2", "C3"),
        )
        .map(([taken, free]) => [free, ...taken]),
    )
    .chain((seats) =>
      fc.tuple(fc.constant(seats), fc.oneof(fc.constant(seats.length), fc.integer({ min: 1, max: 50 }))),
    );

/** A well-formed object plus, maybe, pollution keys and an unknown key: serialised as JSON. */
const withNoise = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> =>
  fc
    .tuple(fc.record(fields), fc.subarray(POLLUTION), fc.option(fc.tuple(oddString, anyValue), { freq: 3 }))
    .map(([record, pollution, extra]) =>
      toJson(new Obj([...pollution, ...Object.entries(record), ...(extra ? [extra] : [])])),
    );

/** Whether any of `seats` is held by a victim other than `self`. */
const takenSeats = (seats: string[], self?: { holdId: string }) =>
  victims.some((v) => v !== self && v.seats.some((s) => seats.includes(s)));

/** x-user-id values the dev-mode API must refuse (or, if well-formed, treat as a stranger). */
const oddUserId = fc.oneof(
  oddString,
  fc.constantFrom("", " ", "a b", "a:b", "a\nb", "a\r\nx-user-id: victim", "é", "用户", "u\u202Eu", "*", "../etc"),
  fc.integer({ min: 129, max: 1000 }).map((n) => "u".repeat(n)),
  fc.constant("u".repeat(128)),
);

const token = async (
  claims: { sub?: string; iss?: string; aud?: string; exp?: number },
  alg = "HS256",
  key: Uint8Array = SECRET,
) => {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg })
    .setIssuedAt()
    .setIssuer(claims.iss ?? "housefull")
    .setAudience(claims.aud ?? "housefull-api")
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600);
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  return jwt.sign(key);
};

/** Authorization header values; a few are well-formed tokens (for a stranger) to pass through auth. */
const oddAuthorization: fc.Arbitrary<() => Promise<string>> = fc.oneof(
  fc
    .constantFrom(
      "Bearer",
      "Bearer ",
      "Bearer  ",
      "bearer x",
      "Bearer a.b.c",
      "Bearer ....",
      "Bearer eyJhbGciOiJIUzI1NiJ9.e30.",
      "Bearer x y",
      "Basic dXNlcjpwYXNz",
      "Token abc",
      "Bearer\tx.y.z",
      "Bearer é.é.é",
    )
    .map((v) => async () => v),
  fc.integer({ min: 1000, max: 12_000 }).map((n) => async () => `Bearer ${"A".repeat(n)}`),
  fc.integer({ min: 1000, max: 12_000 }).map((n) => async () => "x".repeat(n)),
  oddString.map((s) => async () => `Bearer ${s}`),
  oddString.map((s) => async () => `Bearer ${await token({ sub: s })}`),
  fc.constant(async () => `Bearer ${await token({ sub: "u1" }, "HS512")}`),
  fc.constant(
    async () =>
      `Bearer ${new UnsecuredJWT({ sub: "u1" }).setIssuer("housefull").setAudience("housefull-api").setExpirationTime("10m").encode()}`,
  ),
  fc.constant(async () => `Bearer ${await token({ sub: fuzzUser() })}`),
);

// ------------------------------------------------------------------------------------------------

describe("fuzz: request bodies", { timeout: 120_000 }, () => {
  it("POST /holds: malformed, mistyped, polluted, rule-breaking or conflicting bodies never write", async () => {
    const chaos = fc.tuple(
      bodyText(
        objectOf({
          showId: fc.oneof(
            fc.constant(showId),
            fc.constant(showId.toUpperCase()),
            fc.uuid().map(String),
            fc.constantFrom(` ${showId}`, `{${showId}}`, `${showId}\u0000`),
            anyValue,
          ),
          seatIds: seatIdsValue,
          quantity: oddNumber,
        }),
      ),
      contentType,
    );
    // Bodies that pass the schema, to reach the booking rules, the show lookup and the Lua script.
    const nearValid = fc.tuple(
      selection().chain(([seatIds, quantity]) =>
        withNoise({
          showId: fc.constantFrom(showId, showId.toUpperCase(), crypto.randomUUID()),
          seatIds: fc.constant(seatIds),
          quantity: fc.constant(quantity),
        }),
      ),
      fc.option(jsonType, { freq: 8, nil: "text/plain" as string | null }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(chaos, nearValid),
        fc.option(fc.constantFrom("k", "k".repeat(201), "k".repeat(10_000), "\u202Ekey"), { freq: 4 }),
        async ([text, type], idempotencyKey) => {
          const parsed = parsedAsServer(type, text);
          const keyOk = idempotencyKey === null || idempotencyKey.length <= 200;
          fc.pre(
            !(
              isRecord(parsed) &&
              typeof parsed.showId === "string" &&
              parsed.showId.toLowerCase() === showId &&
              acceptableSelection(parsed) &&
              !takenSeats(parsed.seatIds as string[]) &&
              keyOk
            ),
          );
          const headers: Record<string, string> = { "x-user-id": fuzzUser() };
          if (type !== null) headers["content-type"] = type;
          if (idempotencyKey !== null) headers["idempotency-key"] = idempotencyKey;
          const res = await send("/api/v1/holds", { method: "POST", headers, body: text });
          if (!res) return;
          const { status } = await expectSafe(res, `POST /holds ${type} ${text.slice(0, 200)}`);
          expect([400, 404, 409]).toContain(status);
        },
      ),
      fcOptions(RUNS.holdBodies),
    );
  });

  it("PUT /holds/:id: bad or conflicting bodies against real holds (owner or stranger) never change them", async () => {
    const chaos = fc.tuple(bodyText(objectOf({ seatIds: seatIdsValue, quantity: oddNumber })), contentType);
    const nearValid = fc.tuple(
      selection().chain(([seatIds, quantity]) =>
        withNoise({ seatIds: fc.constant(seatIds), quantity: fc.constant(quantity) }),
      ),
      fc.option(jsonType, { freq: 8, nil: "text/plain" as string | null }),
    );
    const ownerCalls = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(chaos, nearValid),
        fc.nat(victims.length - 1),
        fc.boolean(),
        async ([text, type], v, asOwner) => {
          const victim = victims[v]!;
          const parsed = parsedAsServer(type, text);
          fc.pre(
            !(
              asOwner &&
              isRecord(parsed) &&
              acceptableSelection(parsed) &&
              !takenSeats(parsed.seatIds as string[], victim)
            ),
          );
          // The owner's PUTs spend the owner's hold budget (60/min): at most 50 per victim.
          const owned = ownerCalls.get(victim.userId) ?? 0;
          const user = asOwner && owned < 50 ? victim.userId : fuzzUser();
          if (user === victim.userId) ownerCalls.set(victim.userId, owned + 1);
          const headers: Record<string, string> = { "x-user-id": user };
          if (type !== null) headers["content-type"] = type;
          const res = await send(`/api/v1/holds/${victim.holdId}`, { method: "PUT", headers, body: text });
          if (!res) return;
          const { status } = await expectSafe(
            res,
            `PUT /holds (${user === victim.userId ? "owner" : "stranger"}) ${text}`,
          );
          expect([400, 404, 409, 429]).toContain(status);
        },
      ),
      fcOptions(RUNS.changeBodies),
    );
  });

  it("POST /orders: bad holdIds and customers, as the hold's owner or a stranger, never write", async () => {
    const holdIdValue = fc.oneof(
      fc.nat(victims.length - 1).map((i) => victims[i]!.holdId),
      fc.nat(victims.length - 1).map((i) => victims[i]!.holdId.toUpperCase()),
      fc.nat(victims.length - 1).map((i) => `${victims[i]!.holdId}=`),
      fc.uint8Array({ minLength: 12, maxLength: 12 }).map((bytes) => newHoldId(showId, "0".repeat(16), bytes)),
      fc.uuid().map((u) => newHoldId(u, "0".repeat(16))),
      // A victim's hold id with another budget tag: the same record, not the same hold.
      fc.nat(victims.length - 1).map((i) => `${victims[i]!.holdId.slice(0, 38)}${"f".repeat(16)}`),
      anyValue,
    );
    const customerValue = fc.oneof(
      objectOf({ name: fc.oneof(oddString, fc.constant("Asha Rao")), email: anyValue, phone: anyValue }),
      objectOf({
        name: fc.oneof(oddString, fc.constantFrom("A", "", "x".repeat(101), "x".repeat(5000))),
        email: fc.constantFrom("asha@example.com", "asha", "@", "a@b", "é@é.é", `${"a".repeat(250)}@x.io`),
        phone: fc.constantFrom("+91 98765 43210", "123", "+", "9".repeat(30), "98765\u0000432100"),
      }),
      anyValue,
    );
    const chaos = fc.tuple(bodyText(objectOf({ holdId: holdIdValue, customer: customerValue })), contentType);
    // Schema-valid apart from at most one customer field: reaches the hold lookup and the Lua claim.
    const good = { name: "Asha Rao", email: "asha@example.com", phone: "+91 98765 43210" };
    const mostly = <T>(value: T, wrong: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: wrong });
    const nearCustomer = fc.record({
      name: mostly(
        good.name,
        fc.oneof(
          fc.constantFrom("A", " ", "x".repeat(101)),
          oddString.map((s) => `Asha ${s}`),
        ),
      ),
      email: mostly(good.email, fc.constantFrom("asha", "asha@", "@example.com", "asha@@example.com")),
      phone: mostly(good.phone, fc.constantFrom("12345", "+91 98765 43210 99999", "98765-4321x")),
    });
    const nearValid = fc.tuple(
      withNoise({ holdId: holdIdValue.filter((h) => typeof h === "string"), customer: nearCustomer }),
      fc.option(jsonType, { freq: 8, nil: "text/plain" as string | null }),
    );
    const ownerCalls = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(chaos, nearValid),
        fc.nat(victims.length - 1),
        fc.boolean(),
        async ([text, type], v, owner) => {
          const victim = victims[v]!;
          const parsed = parsedAsServer(type, text);
          const asOwner = owner && (ownerCalls.get(victim.userId) ?? 0) < 50;
          fc.pre(
            !(asOwner && isRecord(parsed) && parsed.holdId === victim.holdId && plausibleCustomer(parsed.customer)),
          );
          if (asOwner) ownerCalls.set(victim.userId, (ownerCalls.get(victim.userId) ?? 0) + 1);
          const headers: Record<string, string> = { "x-user-id": asOwner ? victim.userId : fuzzUser() };
          if (type !== null) headers["content-type"] = type;
          const res = await send("/api/v1/orders", { method: "POST", headers, body: text });
          if (!res) return;
          const { status } = await expectSafe(res, `POST /orders (${asOwner ? "owner" : "stranger"}) ${type} ${text}`);
          expect([400, 404, 409, 410]).toContain(status);
        },
      ),
      fcOptions(RUNS.orderBodies),
    );
  });

  it("POST /auth/guest: any body and content type → a token or a clean 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(bodyText(anyValue), contentType, fc.ipV4(), async (text, type, ip) => {
        const headers: Record<string, string> = { "cf-connecting-ip": ip };
        if (type !== null) headers["content-type"] = type;
        const res = await send("/api/v1/auth/guest", { method: "POST", headers, body: text });
        if (!res) return;
        const { status, body } = await expectSafe(res, `POST /auth/guest ${type} ${text}`);
        if (status === 201) expect((body as { userId: string }).userId).toMatch(/^guest_[0-9a-f-]{36}$/);
        else expect([400, 429]).toContain(status);
      }),
      fcOptions(RUNS.guestBodies),
    );
  });

  it("confirm-payment / cancel / DELETE hold: a body where none is expected changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("confirm-payment", "cancel", "delete-hold"),
        fc.oneof(
          fc.uuid().map(String),
          fc.nat(victims.length - 1).map((i) => victims[i]!.holdId),
        ),
        bodyText(anyValue),
        contentType,
        async (action, id, text, type) => {
          const headers: Record<string, string> = { "x-user-id": fuzzUser() };
          if (type !== null) headers["content-type"] = type;
          const [method, path] =
            action === "delete-hold" ? ["DELETE", `/api/v1/holds/${id}`] : ["POST", `/api/v1/orders/${id}/${action}`];
          const res = await send(path, { method, headers, body: text });
          if (!res) return;
          const { status } = await expectSafe(res, `${method} ${path} ${text}`);
          expect([400, 404]).toContain(status);
        },
      ),
      fcOptions(RUNS.orderActionBodies),
    );
  });

  it("bodies over 16 KiB → 413 PAYLOAD_TOO_LARGE at every endpoint that takes one, before anything else", async () => {
    const endpoints = (): [string, string][] => [
      ["POST", "/api/v1/holds"],
      ["PUT", `/api/v1/holds/${victims[0]!.holdId}`],
      ["DELETE", `/api/v1/holds/${victims[1]!.holdId}`],
      ["POST", "/api/v1/orders"],
      ["POST", `/api/v1/orders/${crypto.randomUUID()}/confirm-payment`],
      ["POST", `/api/v1/orders/${crypto.randomUUID()}/cancel`],
      ["POST", "/api/v1/auth/guest"],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(6),
        fc.integer({ min: MAX_BODY_BYTES + 1, max: 200_000 }),
        fc.constantFrom("json", "valid-prefix", "unicode"),
        contentType,
        fc.constantFrom("none", "victim", "stranger"),
        async (e, size, kind, type, who) => {
          const [method, path] = endpoints()[e]!;
          // A VALID hold or order, padded: the limit must refuse it without looking inside.
          const valid = path.endsWith("/holds")
            ? { showId, seatIds: ["A1"], quantity: 1 }
            : path.endsWith("/orders")
              ? { holdId: victims[0]!.holdId, customer: { name: "Asha Rao", email: "a@b.co", phone: "+919876543210" } }
              : { seatIds: ["A2"], quantity: 1 };
          const text =
            kind === "json"
              ? JSON.stringify({ pad: "x".repeat(size) })
              : kind === "valid-prefix"
                ? JSON.stringify({ ...valid, pad: "x".repeat(size) })
                : JSON.stringify({ ...valid, pad: "😀\u202E\u0301".repeat(Math.ceil(size / 4)) });
          const headers: Record<string, string> = {};
          if (type !== null) headers["content-type"] = type;
          if (who !== "none") headers["x-user-id"] = who === "victim" ? victims[0]!.userId : fuzzUser();
          const res = await call(path, { method, headers, body: text });
          const { status, body } = await expectSafe(res, `${method} ${path} ${text.length} bytes`);
          expect(status).toBe(413);
          expect((body as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
        },
      ),
      fcOptions(RUNS.oversized),
    );
  });

  it("a body of exactly 16 KiB is still read (the limit is not off by one)", async () => {
    const base = JSON.stringify({ showId: crypto.randomUUID(), seatIds: ["A1"], quantity: 1, pad: "" });
    const text = JSON.stringify({
      showId: crypto.randomUUID(),
      seatIds: ["A1"],
      quantity: 1,
      pad: "x".repeat(MAX_BODY_BYTES - base.length),
    });
    expect(text.length).toBe(MAX_BODY_BYTES);
    const res = await call("/api/v1/holds", {
      method: "POST",
      headers: { "x-user-id": fuzzUser(), "content-type": "application/json" },
      body: text,
    });
    expect((await expectSafe(res, "16 KiB body")).status).toBe(404); // read, validated, unknown show
  });

  // A Request handed to the worker by another Worker (service binding, Durable Object, or this
  // test harness) can carry a Content-Length that says less than its body. The limit must count
  // the bytes it reads, not trust the header.
  it.each([
    ["understated", "10"],
    ["zero", "0"],
    ["not a number", "abc"],
    ["negative", "-1"],
    ["exponent", "1e9"],
  ])("a body over 16 KiB with a lying Content-Length (%s) → 413", async (_, contentLength) => {
    const text = JSON.stringify({ showId: crypto.randomUUID(), seatIds: ["A1"], quantity: 1, pad: "x".repeat(40_000) });
    const res = await call("/api/v1/holds", {
      method: "POST",
      headers: { "x-user-id": fuzzUser(), "content-type": "application/json", "content-length": contentLength },
      body: text,
    });
    const { status } = await expectSafe(res, `Content-Length: ${contentLength}, ${text.length} bytes`);
    expect(status).toBe(413);
  });
});

describe("fuzz: headers", { timeout: 120_000 }, () => {
  it("odd Authorization, x-user-id and Idempotency-Key on every endpoint → 401/4xx, never a 5xx", async () => {
    const endpoint = fc.constantFrom(
      ["GET", "/api/v1/movies?pageSize=1"],
      ["GET", `/api/v1/shows/SHOW/seatmap`],
      ["POST", "/api/v1/auth/guest"],
      ["POST", "/api/v1/holds"],
      ["GET", "/api/v1/holds/HOLD"],
      ["PUT", "/api/v1/holds/HOLD"],
      ["DELETE", "/api/v1/holds/HOLD"],
      ["POST", "/api/v1/orders"],
      ["GET", "/api/v1/orders"],
      ["GET", "/api/v1/orders/ORDER"],
      ["POST", "/api/v1/orders/ORDER/confirm-payment"],
      ["POST", "/api/v1/orders/ORDER/cancel"],
    );
    await fc.assert(
      fc.asyncProperty(
        endpoint,
        fc.option(oddAuthorization, { freq: 2 }),
        fc.option(oddUserId, { freq: 2 }),
        fc.option(fc.constantFrom("x".repeat(10_000), "x".repeat(201), "k\u0000", "k\r\nx-user-id: a", ""), {
          freq: 3,
        }),
        fc.nat(victims.length - 1),
        fc.ipV4(),
        async ([method, template], authorization, userId, idempotencyKey, v, ip) => {
          const victim = victims[v]!;
          const path = template!
            .replace("SHOW", showId)
            .replace("HOLD", victim.holdId)
            .replace("ORDER", crypto.randomUUID());
          const headers: Record<string, string> = { "cf-connecting-ip": ip, "content-type": "application/json" };
          if (authorization) headers.authorization = await authorization();
          if (userId !== null) headers["x-user-id"] = userId;
          if (idempotencyKey !== null) headers["idempotency-key"] = idempotencyKey;
          // Bodies that would be valid for a caller who owned the victim's hold: only identity stands
          // between them and a write, and the identity here is never the victim's.
          const body =
            method === "GET"
              ? undefined
              : path.endsWith("/holds")
                ? JSON.stringify({ showId, seatIds: ["A3"], quantity: 2 }) // quantity ≠ seats: never a hold
                : path.endsWith("/orders")
                  ? JSON.stringify({
                      holdId: victim.holdId,
                      customer: { name: "Asha Rao", email: "asha@example.com", phone: "+919876543210" },
                    })
                  : JSON.stringify({ seatIds: ["A4"], quantity: 1 });
          const res = await send(path, { method, headers, body });
          if (!res) return;
          const { status } = await expectSafe(
            res,
            `${method} ${path} auth=${headers.authorization?.slice(0, 80)} x-user-id=${JSON.stringify(userId)}`,
          );
          const userEndpoint = !path.includes("/movies") && !path.includes("/seatmap") && !path.includes("/auth/");
          // Only a well-formed identity of a stranger gets through: their (empty) order list, or 4xx.
          const ok = method === "GET" && path === "/api/v1/orders" ? [200] : [];
          if (userEndpoint) expect([...ok, 400, 401, 404, 409, 410, 429]).toContain(status);
        },
      ),
      fcOptions(RUNS.identityHeaders),
    );
  });

  it("a hold with a 10 000-character Idempotency-Key is refused and writes nothing", async () => {
    const res = await postHold(fuzzUser(), showId, ["A5"], { "idempotency-key": "k".repeat(10_000) });
    const { status, body } = await expectSafe(res, "10k Idempotency-Key");
    expect(status).toBe(400);
    expect((body as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
  });
});
