import { describe, expect, it } from "vitest";
import { movies, shows, theatres } from "../../src/db/schema";
import { cinemaToday } from "../../src/shared/cinema-time";
import { db } from "./fixtures";
import { backendCalls, call, errorOf } from "./http";

/**
 * City first (issue #16): the cities on offer, movies and showtimes of one city, theatres nearest
 * first, and each showtime's cancellation window from its theatre's own policy.
 */

interface ShowsOfDay {
  shows: {
    id: string;
    startTime: string;
    theatre: { id: string; city: string | null; distanceKm?: number };
    cancellation: { until: string; feePercent: number } | null;
  }[];
}

const HOUR = 3_600_000;

/** A movie of its own playing tomorrow in two theatres of a new city and one of another city. */
async function cityFixture() {
  const tag = crypto.randomUUID().slice(0, 8);
  const city = `Testpur ${tag}`;
  const otherCity = `Elsewhere ${tag}`;
  const [movie] = await db()
    .insert(movies)
    .values({ title: `City Movie ${tag}`, language: "Hindi", genres: ["Drama"], languages: ["Hindi"] })
    .returning({ id: movies.id });
  // Positions: "near" is at (12.90, 77.60); Far is ~11 km away, Near ~1 km, Other in another city.
  const rows = await db()
    .insert(theatres)
    .values([
      {
        name: `A Far ${tag}`,
        city,
        geoLat: "13.00000000",
        geoLng: "77.60000000",
        cancellationCutoffMinutes: 30,
        cancellationFeePct: "25.00",
      },
      {
        name: `B Near ${tag}`,
        city: city.toUpperCase(),
        geoLat: "12.91000000",
        geoLng: "77.60000000",
        cancellationAvailable: false,
      },
      { name: `C Other ${tag}`, city: otherCity, geoLat: "12.90000000", geoLng: "77.60000000" },
    ])
    .returning({ id: theatres.id, name: theatres.name });
  const [far, near, other] = rows.map((r) => r.id);
  if (!movie || !far || !near || !other) throw new Error("fixture insert failed");
  // Tomorrow at the cinema, mid-afternoon UTC so the day is the same in the cinema's zone.
  const day = cinemaToday(new Date(Date.now() + 24 * HOUR));
  const at = (hourUtc: number) => new Date(`${day}T${String(hourUtc).padStart(2, "0")}:00:00Z`).toISOString();
  await db()
    .insert(shows)
    .values([
      { movieId: movie.id, theatreId: far, startTime: at(8), price: "200.00" },
      { movieId: movie.id, theatreId: far, startTime: at(10), price: "200.00" },
      { movieId: movie.id, theatreId: near, startTime: at(9), price: "200.00" },
      { movieId: movie.id, theatreId: other, startTime: at(9), price: "200.00" },
    ]);
  return { tag, city, otherCity, movieId: movie.id, day, far, near, other, at };
}

describe("city first", () => {
  it("lists the cities that have theatres, with how many (one db call)", async () => {
    const { city, otherCity } = await cityFixture();
    const res = await call("/api/v1/cities");
    expect(res.status).toBe(200);
    expect(backendCalls(res).db).toBe(1);
    type City = { name: string; theatres: number; location: { lat: number; lng: number } | null };
    const { cities } = (await res.json()) as { cities: City[] };
    expect(cities.find((c) => c.name === otherCity)).toEqual({
      name: otherCity,
      theatres: 1,
      location: { lat: 12.9, lng: 77.6 },
    });
    // "Testpur x" and "TESTPUR X" are one city.
    expect(cities.filter((c) => c.name.toLowerCase() === city.toLowerCase())).toEqual([
      { name: city.toUpperCase(), theatres: 2, location: { lat: 12.955, lng: 77.6 } },
    ]);
    expect(cities.find((c) => c.name === "Bengaluru")?.theatres).toBeGreaterThan(0);
  });

  it("lists only the movies playing in a city (any case)", async () => {
    const { tag, city, movieId } = await cityFixture();
    const listed = async (query: string) => {
      const res = await call(`/api/v1/movies?pageSize=50&${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string }[] }).items.map((m) => m.id);
    };
    expect(await listed(`city=${encodeURIComponent(city.toLowerCase())}`)).toEqual([movieId]);
    expect(await listed(`city=${encodeURIComponent(`Nowhere ${tag}`)}`)).toEqual([]);
    expect(await listed("city=Bengaluru")).not.toContain(movieId);
  });

  it("lists a day's showtimes of one city, nearest theatre first, with each theatre's distance", async () => {
    const f = await cityFixture();
    const base = `/api/v1/movies/${f.movieId}/shows?date=${f.day}&city=${encodeURIComponent(f.city)}`;
    const byName = (await (await call(base)).json()) as ShowsOfDay;
    expect(byName.shows.map((s) => [s.theatre.id, s.startTime])).toEqual([
      [f.far, f.at(8)],
      [f.far, f.at(10)],
      [f.near, f.at(9)],
    ]);
    expect(byName.shows[0]?.theatre.distanceKm).toBeUndefined();

    const nearest = (await (await call(`${base}&near=12.9,77.6`)).json()) as ShowsOfDay;
    expect(nearest.shows.map((s) => [s.theatre.id, s.startTime])).toEqual([
      [f.near, f.at(9)],
      [f.far, f.at(8)],
      [f.far, f.at(10)],
    ]);
    expect(nearest.shows[0]?.theatre.distanceKm).toBeCloseTo(1.1, 1);
    expect(nearest.shows[1]?.theatre.distanceKm).toBeCloseTo(11.1, 1);

    const everywhere = (await (await call(`/api/v1/movies/${f.movieId}/shows?date=${f.day}`)).json()) as ShowsOfDay;
    expect(everywhere.shows.map((s) => s.theatre.id)).toContain(f.other);
  });

  it("gives each showtime its theatre's cancellation window, or none", async () => {
    const f = await cityFixture();
    const { shows: list } = (await (
      await call(`/api/v1/movies/${f.movieId}/shows?date=${f.day}&city=${encodeURIComponent(f.city)}`)
    ).json()) as ShowsOfDay;
    const first = list.find((s) => s.theatre.id === f.far);
    expect(first?.cancellation).toEqual({
      until: new Date(new Date(f.at(8)).getTime() - 30 * 60_000).toISOString(),
      feePercent: 25,
    });
    expect(list.find((s) => s.theatre.id === f.near)?.cancellation).toBeNull();
  });

  it("refuses a malformed position or city with a 400", async () => {
    const f = await cityFixture();
    for (const query of ["near=91,77", "near=12.9", "near=north", `city=${"x".repeat(101)}`]) {
      const res = await call(`/api/v1/movies/${f.movieId}/shows?${query}`);
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).code).toBe("VALIDATION_FAILED");
    }
  });
});
