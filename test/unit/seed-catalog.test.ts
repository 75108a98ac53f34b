import { describe, expect, it } from "vitest";
import {
  buildShows,
  IST_OFFSET_MINUTES,
  layoutIdOf,
  MOVIES,
  movieIdOf,
  SEAT_LAYOUTS,
  SHOW_DAYS,
  seatRow,
  seedPosterSvg,
  showIdOf,
  THEATRES,
  theatreIdOf,
  uuidV5,
} from "../../drizzle/seed/catalog";
import { posterPaletteFor } from "../../src/catalog/poster";
import { seatIdsOf, seatLayoutSchema } from "../../src/domain/seat-layout";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY = 86_400_000;
// A Wednesday, 13:48 IST.
const NOW = new Date("2026-11-25T08:18:00Z");

/** IST wall clock of a UTC instant. */
function ist(iso: string): { date: string; minutes: number; weekday: number } {
  const shifted = new Date(new Date(iso).getTime() + IST_OFFSET_MINUTES * 60_000);
  return {
    date: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("deterministic ids", () => {
  it("implements UUID v5 (RFC 9562 test vector)", () => {
    expect(uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });

  it("are stable across runs and machines", () => {
    expect(movieIdOf("monsoon-protocol")).toBe("00a3d3b3-584c-598a-88ef-823bc5287097");
    expect(theatreIdOf("starlight-andheri")).toBe("5e15c8a7-216b-5220-9751-8f840516d8ab");
    expect(layoutIdOf("starlight-andheri", "Audi 1 · IMAX")).toBe("183b87b0-8aa0-5fcc-beb1-4a4ddc0e0955");
    expect(MOVIES.find((m) => m.key === "monsoon-protocol")?.id).toBe(movieIdOf("monsoon-protocol"));
    expect(buildShows(NOW).map((s) => s.id)).toEqual(buildShows(new Date(NOW)).map((s) => s.id));
  });

  it("are valid v5 UUIDs and unique across every table", () => {
    const shows = buildShows(NOW);
    const ids = [
      ...MOVIES.map((m) => m.id),
      ...THEATRES.map((t) => t.id),
      ...SEAT_LAYOUTS.map((l) => l.id),
      ...shows.map((s) => s.id),
    ];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("derive show ids from theatre + screen + start time", () => {
    for (const s of buildShows(NOW).slice(0, 50)) expect(s.id).toBe(showIdOf(s.theatreKey, s.screenName, s.startTime));
  });
});

describe("movies", () => {
  it("has a dozen movies with complete, well-formed data", () => {
    expect(MOVIES).toHaveLength(12);
    expect(new Set(MOVIES.map((m) => m.title)).size).toBe(12);
    for (const m of MOVIES) {
      expect(m.title.length).toBeGreaterThan(2);
      const sentences = m.about.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, m.title).toBeGreaterThanOrEqual(2);
      expect(sentences.length, m.title).toBeLessThanOrEqual(3);
      expect(m.genres.length).toBeGreaterThan(0);
      expect(m.rating).toMatch(/^\d\.\d$/);
      expect(Number(m.rating)).toBeGreaterThanOrEqual(1);
      expect(Number(m.rating)).toBeLessThanOrEqual(10);
      expect(m.durationMins).toBeGreaterThanOrEqual(80);
      expect(m.durationMins).toBeLessThanOrEqual(190);
      expect(["U", "UA", "UA7+", "UA13+", "UA16+", "A"]).toContain(m.ageRating);
      expect(m.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(m.releaseDate))).toBe(false);
      expect(["2D", "3D", "IMAX", "4DX"]).toContain(m.format);
      expect(m.tagline.length).toBeGreaterThan(5);
      expect(m.thumbnailUrl).toBe(`/api/v1/movies/${m.id}/poster.svg`);
      expect(m.palette).toEqual(posterPaletteFor(m.title));
      expect(seedPosterSvg(m)).toContain("<svg");
    }
    expect(new Set(MOVIES.map((m) => m.language))).toEqual(
      new Set(["Hindi", "English", "Tamil", "Telugu", "Malayalam", "Kannada"]),
    );
    expect(new Set(MOVIES.map((m) => m.format))).toEqual(new Set(["2D", "3D", "IMAX", "4DX"]));
  });
});

describe("theatres", () => {
  it("has 5–6 theatres in 2–3 cities with precise coordinates", () => {
    expect(THEATRES.length).toBeGreaterThanOrEqual(5);
    expect(THEATRES.length).toBeLessThanOrEqual(6);
    const cities = new Set(THEATRES.map((t) => t.city));
    expect(cities.size).toBeGreaterThanOrEqual(2);
    expect(cities.size).toBeLessThanOrEqual(3);
    for (const t of THEATRES) {
      expect(t.geoLat).toMatch(/^\d{1,2}\.\d{8}$/);
      expect(t.geoLng).toMatch(/^\d{1,3}\.\d{8}$/);
      // Inside India.
      expect(Number(t.geoLat)).toBeGreaterThan(8);
      expect(Number(t.geoLat)).toBeLessThan(37);
      expect(Number(t.geoLng)).toBeGreaterThan(68);
      expect(Number(t.geoLng)).toBeLessThan(97);
      expect(t.address).toContain(t.city);
      expect(t.screens.length).toBeGreaterThan(0);
    }
    expect(THEATRES.filter((t) => !t.cancellationAvailable)).toHaveLength(1);
  });
});

describe("seat layouts", () => {
  it("are all valid under seatLayoutSchema, with rows/cols matching the grid", () => {
    for (const l of SEAT_LAYOUTS) {
      const parsed = seatLayoutSchema.safeParse(l.layout);
      expect(parsed.success, `${l.key}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(l.rows).toBe(l.layout.rows.length);
      expect(l.cols).toBe(Math.max(...l.layout.rows.map((r) => r.columns.length)));
      expect(THEATRES.some((t) => t.id === l.theatreId)).toBe(true);
      // Every category is used, and every seat id fits order_seats.seat_id varchar(8).
      const used = new Set(l.layout.rows.map((r) => r.category));
      expect(new Set(l.layout.categories.map((c) => c.code))).toEqual(used);
      for (const id of seatIdsOf(l.layout)) expect(id.length).toBeLessThanOrEqual(8);
      // Seats are numbered 1..n along each row.
      for (const row of l.layout.rows) {
        const numbers = row.columns.filter((n): n is number => n !== null);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
    }
  });

  it("match the screens that have a layout, one layout per screen", () => {
    const screensWithLayout = THEATRES.flatMap((t) =>
      t.screens.filter((s) => s.hasLayout).map((s) => `${t.key}:${s.name}`),
    );
    expect(SEAT_LAYOUTS.map((l) => l.key).sort()).toEqual(screensWithLayout.sort());
    expect(THEATRES.some((t) => t.screens.some((s) => !s.hasLayout))).toBe(true);
  });

  it("include a large hall with aisles, a front category and a premium recliner category", () => {
    const big = SEAT_LAYOUTS.filter((l) => l.rows >= 14 && l.rows <= 16 && l.cols >= 20 && l.cols <= 24);
    expect(big.length).toBeGreaterThanOrEqual(1);
    for (const l of big) {
      expect(l.layout.rows.every((r) => r.columns.some((c) => c === null))).toBe(true);
      const surcharge = (code: string) => Number(l.layout.categories.find((c) => c.code === code)?.surcharge);
      const front = l.layout.rows[0]!;
      const back = l.layout.rows[l.layout.rows.length - 1]!;
      expect(surcharge(front.category)).toBe(0);
      expect(back.category).toMatch(/RECLINER|PREMIUM/);
      expect(surcharge(back.category)).toBeGreaterThan(100);
      expect(seatIdsOf(l.layout).length).toBeGreaterThan(250);
    }
  });

  it("seatRow turns a picture into numbered seats and gaps", () => {
    expect(seatRow("A", "X", "ss_s").columns).toEqual([1, 2, null, 3]);
    expect(() => seatRow("A", "X", "s-s")).toThrow();
  });
});

describe("buildShows", () => {
  const shows = buildShows(NOW);

  it("has a reasonable number of shows", () => {
    expect(shows.length).toBeGreaterThanOrEqual(250);
    expect(shows.length).toBeLessThanOrEqual(450);
  });

  it("covers today (IST) and the next six days", () => {
    const dates = [...new Set(shows.map((s) => ist(s.startTime).date))].sort();
    expect(dates).toHaveLength(SHOW_DAYS);
    expect(dates[0]).toBe("2026-11-25");
    expect(dates[6]).toBe("2026-12-01");
    for (const s of shows) expect(s.localDate).toBe(ist(s.startTime).date);
  });

  it("uses the IST date, not the UTC date", () => {
    // 00:15 IST on the 26th is still the 25th in UTC.
    const justAfterMidnight = buildShows(new Date("2026-11-25T18:45:00Z"));
    expect(ist(justAfterMidnight[0]!.startTime).date).toBe("2026-11-26");
    // 23:50 IST on the 25th.
    const beforeMidnight = buildShows(new Date("2026-11-25T18:20:00Z"));
    expect(ist(beforeMidnight[0]!.startTime).date).toBe("2026-11-25");
  });

  it("starts shows at realistic IST times, stored as UTC ISO strings", () => {
    for (const s of shows) {
      expect(s.startTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
      const { minutes } = ist(s.startTime);
      expect(minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(minutes).toBeLessThanOrEqual(22 * 60 + 45);
      expect(minutes % 5).toBe(0);
      expect(s.localTime).toBe(
        `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
      );
    }
    // Morning, matinee, evening and late shows all exist.
    const hours = new Set(shows.map((s) => Math.floor(ist(s.startTime).minutes / 60)));
    for (const h of [9, 13, 16, 19, 21]) expect([...hours].some((x) => Math.abs(x - h) <= 1)).toBe(true);
  });

  it("never overlaps two shows on one screen", () => {
    const byScreen = new Map<string, typeof shows>();
    for (const s of shows) {
      const key = `${s.theatreKey}:${s.screenName}`;
      byScreen.set(key, [...(byScreen.get(key) ?? []), s]);
    }
    expect(byScreen.size).toBe(THEATRES.reduce((n, t) => n + t.screens.length, 0));
    for (const list of byScreen.values()) {
      const sorted = [...list].sort((a, b) => a.startTime.localeCompare(b.startTime));
      for (let i = 1; i < sorted.length; i++) {
        const gap = Date.parse(sorted[i]!.startTime) - Date.parse(sorted[i - 1]!.endTime);
        expect(gap, `${sorted[i]!.theatreKey} ${sorted[i]!.startTime}`).toBeGreaterThanOrEqual(15 * 60_000);
      }
      const movie = MOVIES.find((m) => m.id === sorted[0]!.movieId)!;
      expect(Date.parse(sorted[0]!.endTime) - Date.parse(sorted[0]!.startTime)).toBe(movie.durationMins * 60_000);
    }
  });

  it("prices are decimal strings from 180.00 to 450.00, dearer in the evening and at weekends", () => {
    for (const s of shows) {
      expect(s.price).toMatch(/^\d{3}\.\d{2}$/);
      expect(Number(s.price)).toBeGreaterThanOrEqual(180);
      expect(Number(s.price)).toBeLessThanOrEqual(450);
    }
    const price = (pred: (s: (typeof shows)[number]) => boolean) =>
      mean(shows.filter(pred).map((s) => Number(s.price)));
    const morning = price((s) => ist(s.startTime).minutes < 12 * 60);
    const evening = price((s) => ist(s.startTime).minutes >= 17 * 60);
    expect(evening).toBeGreaterThan(morning + 30);
    const weekday = (s: (typeof shows)[number]) => ist(s.startTime).weekday;
    expect(price((s) => [0, 6].includes(weekday(s)))).toBeGreaterThan(price((s) => ![0, 6].includes(weekday(s))));
    // Same screen and time: the weekend show costs more (unless already at the cap).
    const sat = shows.find(
      (s) => s.localDate === "2026-11-28" && s.theatreKey === "golconda-ameerpet" && s.localTime === "20:45",
    )!;
    const thu = shows.find(
      (s) => s.localDate === "2026-11-26" && s.theatreKey === "golconda-ameerpet" && s.localTime === "20:45",
    )!;
    expect(Number(sat.price)).toBeGreaterThan(Number(thu.price));
  });

  it("references real movies, theatres and layouts; some shows use the default layout", () => {
    const movieIds = new Set(MOVIES.map((m) => m.id));
    const theatreIds = new Set(THEATRES.map((t) => t.id));
    const layouts = new Map(SEAT_LAYOUTS.map((l) => [l.id, l]));
    for (const s of shows) {
      expect(movieIds.has(s.movieId)).toBe(true);
      expect(theatreIds.has(s.theatreId)).toBe(true);
      if (s.layoutId !== null) expect(layouts.get(s.layoutId)?.theatreId).toBe(s.theatreId);
      expect(s.status).toBe("AVAILABLE");
    }
    expect(shows.some((s) => s.layoutId === null)).toBe(true);
    expect(shows.some((s) => s.layoutId !== null)).toBe(true);
  });

  it("plays every movie, each theatre a subset", () => {
    expect(new Set(shows.map((s) => s.movieId)).size).toBe(MOVIES.length);
    for (const t of THEATRES) {
      const played = new Set(shows.filter((s) => s.theatreId === t.id).map((s) => s.movieId));
      expect(played.size).toBeGreaterThan(0);
      expect(played.size).toBeLessThan(MOVIES.length);
    }
  });

  it("is a function of the calendar date: seeding a day later keeps the overlapping days", () => {
    const later = buildShows(new Date(NOW.getTime() + DAY));
    const laterIds = new Set(later.map((s) => s.id));
    const overlap = shows.filter((s) => s.localDate !== "2026-11-25");
    expect(overlap.every((s) => laterIds.has(s.id))).toBe(true);
    const byId = new Map(later.map((s) => [s.id, s]));
    for (const s of overlap) expect(byId.get(s.id)).toEqual(s);
    const added = later.filter((s) => !shows.some((x) => x.id === s.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((s) => s.localDate === "2026-12-02")).toBe(true);
    // Same for a later time on the same IST day.
    expect(buildShows(new Date("2026-11-25T17:00:00Z")).map((s) => s.id)).toEqual(shows.map((s) => s.id));
  });
});
