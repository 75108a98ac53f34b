import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { allRoutes, DOCUMENTATION_PATHS } from "../../src/app";
import { newHoldId } from "../../src/domain/hold-id";
import worker from "../../src/index";
import { ERROR_CODES } from "../../src/shared/error-codes";
import { createShow } from "./fixtures";
import { backendCalls, call, errorOf } from "./http";

interface MovieList {
  items: {
    id: string;
    title: string;
    genres: string[];
    language: string | null;
    languages: string[];
    posterUrl: string;
  }[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
  filters: { genres: string[]; languages: string[] };
}

const listMovies = async (query = "") => {
  const res = await call(`/api/v1/movies${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as MovieList;
};

describe("GET /movies", () => {
  it("lists the seeded catalog from Postgres, one database round trip, with filters", async () => {
    const res = await call("/api/v1/movies?pageSize=50");
    expect(res.status).toBe(200);
    expect(backendCalls(res)).toEqual({ db: 1, redis: 0, queue: 0 });
    const body = (await res.json()) as MovieList;
    expect(body.total).toBeGreaterThanOrEqual(12);
    expect(body.items).toHaveLength(body.total);
    expect(body.filters.genres.length).toBeGreaterThan(3);
    expect(body.filters.languages.length).toBeGreaterThan(2);
    expect(body.items[0]?.posterUrl).toMatch(/^\/api\/v1\/movies\/[0-9a-f-]{36}\/poster\.svg$/);
  });

  it("paginates without overlap", async () => {
    const first = await listMovies("?pageSize=5&page=1");
    const second = await listMovies("?pageSize=5&page=2");
    expect(first.items).toHaveLength(5);
    expect(first.totalPages).toBe(Math.ceil(first.total / 5));
    const ids = new Set(first.items.map((m) => m.id));
    expect(second.items.some((m) => ids.has(m.id))).toBe(false);
    const beyond = await listMovies(`?pageSize=5&page=${first.totalPages + 1}`);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it("filters by title search, genre (any case) and language", async () => {
    const all = await listMovies("?pageSize=50");
    const sample = all.items[0];
    if (!sample) throw new Error("no movies seeded");
    const word = sample.title.split(" ").find((w) => w.length > 3) ?? sample.title;
    const found = await listMovies(`?q=${encodeURIComponent(word.toLowerCase())}&pageSize=50`);
    expect(found.items.map((m) => m.id)).toContain(sample.id);
    // Forgiving search may also find near matches; titles holding the word rank first.
    const holdsWord = found.items.map((m) => m.title.toLowerCase().includes(word.toLowerCase()));
    expect(holdsWord).toEqual([...holdsWord].sort((a, b) => Number(b) - Number(a)));

    const genre = all.filters.genres[0] as string;
    const byGenre = await listMovies(`?genre=${encodeURIComponent(genre.toUpperCase())}&pageSize=50`);
    expect(byGenre.total).toBeGreaterThan(0);
    expect(byGenre.items.every((m) => m.genres.includes(genre))).toBe(true);

    const language = all.filters.languages[0] as string;
    const byLanguage = await listMovies(`?language=${encodeURIComponent(language)}&pageSize=50`);
    expect(byLanguage.items.every((m) => m.language === language)).toBe(true);
    expect(byLanguage.total).toBe(all.items.filter((m) => m.language === language).length);

    const nothing = await listMovies("?q=%25_no-such-title_%25");
    expect(nothing.total).toBe(0);
  });

  it("forgives typos and finds languages and genres (pg_trgm)", async () => {
    const titles = async (q: string) => (await listMovies(`?q=${encodeURIComponent(q)}&pageSize=50`)).items;
    const all = (await listMovies("?pageSize=50")).items;

    // Every word must be found (fuzzily): the typo finds its movie and nothing else.
    expect((await titles("chennai circut")).map((m) => m.title)).toEqual(["Chennai Circuit"]);
    expect(await titles("chennai comedy")).toEqual([]);

    const tamil = await titles("tamil");
    const tamilMovies = all.filter((m) => m.languages.includes("Tamil")).map((m) => m.id);
    expect(tamilMovies.length).toBeGreaterThan(1);
    expect(tamil.map((m) => m.id)).toEqual(expect.arrayContaining(tamilMovies));
    expect(tamil.every((m) => m.languages.includes("Tamil"))).toBe(true);

    const thrillers = await titles("thriler");
    const thrillerMovies = all.filter((m) => m.genres.includes("Thriller")).map((m) => m.id);
    expect(thrillerMovies.length).toBeGreaterThan(0);
    expect(thrillers.map((m) => m.id)).toEqual(expect.arrayContaining(thrillerMovies));
    expect(thrillers.every((m) => m.genres.includes("Thriller"))).toBe(true);
  });

  it("is served from the edge cache on a repeat (no database call) and answers 304 to If-None-Match", async () => {
    const path = "/api/v1/movies?pageSize=7&page=1";
    const first = await call(path);
    expect(first.status).toBe(200);
    expect(backendCalls(first).db).toBe(1);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
    const body = await first.text();

    // The cache write happens after the response (waitUntil); poll until the repeat is a hit.
    await expect
      .poll(async () => (await call(path)).headers.get("server-timing"), { timeout: 5_000 })
      .toContain('cache;desc="hit"');
    const second = await call(path.replace("page=1&pageSize=7", "pageSize=7&page=1"));
    expect(backendCalls(second)).toEqual({ db: 0, redis: 0, queue: 0 });
    expect(second.headers.get("etag")).toBe(etag);
    expect(await second.text()).toBe(body);

    const notModified = await call(path, { headers: { "If-None-Match": etag as string } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
  });

  it.each([
    ["?page=-1", "query.page"],
    ["?page=abc", "query.page"],
    ["?pageSize=1000", "query.pageSize"],
    [`?q=${"x".repeat(101)}`, "query.q"],
  ])("rejects %s with 400 in the API's error shape", async (query, path) => {
    const res = await call(`/api/v1/movies${query}`);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(new Date(error.timestamp).toISOString()).toBe(error.timestamp);
    expect((error.issues as { path: string }[]).map((i) => i.path)).toContain(path);
  });
});

describe("GET /movies/{id}, /movies/{id}/shows, /shows/{id}", () => {
  const firstMovie = async () => (await listMovies("?pageSize=1")).items[0] as MovieList["items"][number];

  it("returns one movie, 404 for a missing one, 400 for a malformed id", async () => {
    const movie = await firstMovie();
    const res = await call(`/api/v1/movies/${movie.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe(movie.title);

    const missing = await call("/api/v1/movies/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("MOVIE_NOT_FOUND");

    const malformed = await call("/api/v1/movies/not-a-uuid");
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe("VALIDATION_FAILED");
  });

  it("lists a day's upcoming shows with theatre, prices, status and seats left; then one show", async () => {
    const movies = await listMovies("?pageSize=50");
    // Tomorrow is fully in the future, so every seeded show of that day is listed.
    const tomorrow = new Date(Date.now() + 86_400_000 + 330 * 60_000).toISOString().slice(0, 10);
    let found: { id: string; theatre: { name: string } } | undefined;
    for (const movie of movies.items) {
      const res = await call(`/api/v1/movies/${movie.id}/shows?date=${tomorrow}`);
      expect(res.status).toBe(200);
      const day = (await res.json()) as {
        date: string;
        shows: {
          id: string;
          startTime: string;
          price: string;
          capacity: number;
          seatsLeft: number;
          status: string;
          categories: { price: string }[];
          theatre: { name: string };
        }[];
      };
      expect(day.date).toBe(tomorrow);
      for (const show of day.shows) {
        expect(show.price).toMatch(/^\d+\.\d{2}$/);
        expect(show.seatsLeft).toBeLessThanOrEqual(show.capacity);
        expect(["AVAILABLE", "FILLING_FAST", "ALMOST_FULL"]).toContain(show.status);
        expect(show.categories.length).toBeGreaterThan(0);
        expect(new Date(show.startTime).getTime()).toBeGreaterThan(Date.now());
      }
      found ??= day.shows[0];
    }
    if (!found) throw new Error("no show seeded for tomorrow");

    const show = await call(`/api/v1/shows/${found.id}`);
    expect(show.status).toBe(200);
    const detail = (await show.json()) as { id: string; movie: { title: string }; theatre: { name: string } };
    expect(detail.id).toBe(found.id);
    expect(detail.theatre.name).toBe(found.theatre.name);
    expect(detail.movie.title.length).toBeGreaterThan(0);

    expect((await call("/api/v1/shows/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call(`/api/v1/movies/${found.id}/shows`)).status).toBe(404);
    expect((await call(`/api/v1/movies/${movies.items[0]?.id}/shows?date=2026-13-45`)).status).toBe(400);
  });

  it("serves a generated SVG poster", async () => {
    const movie = await firstMovie();
    const res = await call(movie.posterUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg[^>]*viewBox/);
  });
});

describe("API conventions", () => {
  it("answers an unknown route with 404 JSON and tags every response with a request id", async () => {
    const res = await call("/api/v1/no-such-thing");
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("ROUTE_NOT_FOUND");
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
  });

  it("allows CORS only for configured origins", async () => {
    const allowed = await call("/api/v1/movies?pageSize=2", { headers: { Origin: "https://app.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    // Also on a cache hit: the stored copy carries no CORS headers, each answer gets its own.
    const again = await call("/api/v1/movies?pageSize=2", { headers: { Origin: "http://localhost:8787" } });
    expect(again.headers.get("access-control-allow-origin")).toBe("http://localhost:8787");
    const denied = await call("/api/v1/movies?pageSize=2", { headers: { Origin: "https://evil.example" } });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await call("/api/v1/movies", {
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("DELETE");
  });

  it("reports health of Redis and Postgres", async () => {
    const res = await call("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", redis: "ok", db: "ok" });
    expect(backendCalls(res)).toEqual({ db: 1, redis: 1, queue: 0 });
    const ping = await call("/api/v1/health/redis");
    expect(ping.status).toBe(200);
    expect(backendCalls(ping)).toEqual({ db: 0, redis: 1, queue: 0 });
  });

  it("publishes an OpenAPI 3.1 document with every catalog route", async () => {
    const res = await call("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/movies",
      "/api/v1/movies/{movieId}",
      "/api/v1/movies/{movieId}/shows",
      "/api/v1/shows/{showId}",
      "/api/v1/health",
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    const docs = await call("/api/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
  });

  it("serves a document built from the current routes: every API route is in it, and nothing else (npm run build:web)", async () => {
    const doc = await openApiDocument();
    const documented = operationsOf(doc).map(({ method, path }) => `${method} ${path}`);
    const skipped: readonly string[] = DOCUMENTATION_PATHS;
    const routes = (await allRoutes()).routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/") && !skipped.includes(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(new Set(documented), "stale web/dist/api/v1/openapi.json: run npm run build:web").toEqual(new Set(routes));
  });

  it("lists every error code of the registry, with its status, in the OpenAPI error schema", async () => {
    const doc = await openApiDocument();
    const code = doc.components.schemas.Error?.properties.error.properties.code;
    expect(code?.enum?.slice().sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [name, { status }] of Object.entries(ERROR_CODES))
      expect(code?.description).toContain(`\`${name}\` (${status})`);
  });

  it("every operation declares the statuses its middleware and parameters imply, each error as the Error schema", async () => {
    const doc = await openApiDocument();
    for (const { method, path, op } of operationsOf(doc)) {
      const where = `${method} ${path}`;
      const declared = Object.keys(op.responses);
      const params = op.parameters ?? [];
      if (params.length || op.requestBody) expect(declared, `${where}: 400`).toContain("400");
      if (params.some((p) => p.in === "path")) expect(declared, `${where}: 404`).toContain("404");
      // The body reader runs before every route that can carry a body.
      if (method !== "GET") expect(declared, `${where}: 408, 413`).toEqual(expect.arrayContaining(["408", "413"]));
      // Every route but the guest token (pure signing) and the door keys (config) reads Postgres or Redis.
      if (!["POST /api/v1/auth/guest", "GET /api/v1/door/keys"].includes(where))
        expect(declared, `${where}: 503`).toContain("503");
      expect(declared, `${where}: 500`).toContain("500");
      // GET /health answers its own body when a backend is down; every other error is the Error shape.
      for (const status of declared.filter((s) => Number(s) >= 400 && `${where} ${s}` !== "GET /api/v1/health 503")) {
        const schema = op.responses[status]?.content?.["application/json"]?.schema;
        expect(schema?.$ref, `${where} ${status}`).toBe("#/components/schemas/Error");
      }
    }
  });

  it("every status an operation is seen to answer (probed without identity, with bad ids, huge bodies, stale ETags) is declared", async () => {
    const doc = await openApiDocument();
    const movieId = (await listMovies("?pageSize=1")).items[0]?.id as string;
    const showId = await createShow();
    const ids: Record<string, string> = {
      movieId,
      showId,
      holdId: newHoldId(showId, "0".repeat(16)),
      orderId: crypto.randomUUID(),
    };
    const user = { "x-user-id": `probe-${crypto.randomUUID()}` };
    const undeclared: string[] = [];
    for (const { method, path, op } of operationsOf(doc)) {
      const real = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? "x");
      const bad = path.replace(/\{\w+\}/g, "not-an-id");
      const hasBody = method !== "GET";
      const probes: [string, RequestInit][] = [
        [real, {}],
        [real, { headers: user }],
        [real, { headers: { authorization: "Bearer nope" } }],
        [bad, { headers: user }],
        [`${real}?page=0x10`, { headers: user }],
        [real, { headers: { ...user, "if-none-match": "*" } }],
      ];
      if (hasBody) {
        probes.push([real, { headers: { ...user, "content-type": "application/json" }, body: "{}" }]);
        probes.push([real, { headers: { ...user, "content-type": "application/json" }, body: "x".repeat(20_000) }]);
      }
      for (const [url, init] of probes) {
        const ctx = createExecutionContext();
        const res = await worker.fetch(new Request(`http://localhost${url}`, { method, ...init }), env, ctx);
        await res.arrayBuffer();
        await waitOnExecutionContext(ctx);
        if (!(String(res.status) in op.responses))
          undeclared.push(`${method} ${path} answered ${res.status} to ${url}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<
      string,
      { properties: { error: { properties: { code: { enum?: string[]; description?: string } } } } }
    >;
  };
}

async function openApiDocument(): Promise<OpenApiDocument> {
  const res = await call("/api/v1/openapi.json");
  expect(res.status).toBe(200);
  return (await res.json()) as OpenApiDocument;
}

function operationsOf(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}
