/**
 * Sample catalog for local development and demos: a dozen (invented) movies, six theatres in three
 * cities, their seat layouts and a week of shows. Pure data and pure builders, no I/O.
 *
 * Every id is derived from a stable name (UUID v5 style), so seeding is idempotent and ids are the
 * same on every machine. Shows are a pure function of (theatre, screen, calendar date in IST), so
 * seeding again on a later day keeps the days already seeded and adds only the new ones.
 */
import { createHash } from "node:crypto";
import { posterPaletteFor, renderPosterSvg } from "../../src/catalog/poster";
import type { SeatLayout, SeatRow } from "../../src/domain/seat-layout";
import { SHOW_CLEANING_BUFFER_MINUTES } from "../../src/domain/show-schedule";

// ---------------------------------------------------------------------------------------------
// Deterministic ids
// ---------------------------------------------------------------------------------------------

/** Namespace of every seed id (itself arbitrary but fixed forever). */
export const SEED_NAMESPACE = "9b6f3c1e-4a2d-5f7e-8c10-2d4b6a8e0f13";

/** UUID v5 (RFC 9562: SHA-1 of namespace + name, version and variant bits set). */
export function uuidV5(name: string, namespace: string = SEED_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (ns.length !== 16) throw new Error(`bad namespace uuid: ${namespace}`);
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const movieIdOf = (key: string) => uuidV5(`movie:${key}`);
export const theatreIdOf = (key: string) => uuidV5(`theatre:${key}`);
export const screenIdOf = (theatreKey: string, screenName: string) => uuidV5(`screen:${theatreKey}:${screenName}`);
export const layoutIdOf = (theatreKey: string, screenName: string) => uuidV5(`layout:${theatreKey}:${screenName}`);
/** A show is identified by where and when it plays: theatre + screen + start time (UTC ISO). */
export const showIdOf = (theatreKey: string, screenName: string, startTimeIso: string) =>
  uuidV5(`show:${theatreKey}:${screenName}:${startTimeIso}`);

// ---------------------------------------------------------------------------------------------
// Movies
// ---------------------------------------------------------------------------------------------

export type MovieFormat = "2D" | "3D" | "IMAX" | "4DX";

export interface SeedMovie {
  key: string;
  id: string;
  title: string;
  about: string;
  tagline: string;
  genres: string[];
  language: string;
  /** numeric(3,1) as a decimal string. */
  rating: string;
  durationMins: number;
  ageRating: string;
  releaseDate: string;
  format: MovieFormat;
  /** Same as the worker's poster (posterPaletteFor(title)); the schema has no palette column. */
  palette: [string, string];
  thumbnailUrl: string;
  languages: string[];
  formats: string[];
}

type MovieData = Omit<SeedMovie, "id" | "palette" | "thumbnailUrl" | "languages" | "formats">;

const MOVIE_DATA: MovieData[] = [
  {
    key: "monsoon-protocol",
    title: "Monsoon Protocol",
    about:
      "When a cyclone knocks out Mumbai's power grid, a disgraced coast-guard officer discovers the blackout was planned. " +
      "With the city flooding street by street, she has one night to find the crew holding the harbour hostage.",
    tagline: "The storm was only the distraction.",
    genres: ["Action", "Thriller"],
    language: "Hindi",
    rating: "8.1",
    durationMins: 152,
    ageRating: "UA13+",
    releaseDate: "2026-11-13",
    format: "IMAX",
  },
  {
    key: "orbital-drift",
    title: "Orbital Drift",
    about:
      "Two engineers aboard a failing supply station must steer it home using nothing but the station's last fuel cell and a century-old star chart. " +
      "A tense, luminous survival story about trust at seventeen thousand miles an hour.",
    tagline: "Home is 400 kilometres straight down.",
    genres: ["Sci-Fi", "Adventure"],
    language: "English",
    rating: "8.4",
    durationMins: 141,
    ageRating: "UA",
    releaseDate: "2026-11-06",
    format: "IMAX",
  },
  {
    key: "chai-and-chaos",
    title: "Chai & Chaos",
    about:
      "A Lucknow tea-stall owner accidentally becomes the caterer for the wedding of the year, and both families think he is someone else. " +
      "Three days, four hundred guests and one very borrowed sherwani.",
    tagline: "One kettle. Four hundred guests. Zero plan.",
    genres: ["Comedy", "Family"],
    language: "Hindi",
    rating: "7.2",
    durationMins: 128,
    ageRating: "U",
    releaseDate: "2026-11-20",
    format: "2D",
  },
  {
    key: "marina-mirage",
    title: "Marina Mirage",
    about:
      "A night-shift radio jockey and a lighthouse electrician fall in love over requests sent to a show nobody else seems to hear. " +
      "A gentle Chennai romance told across one monsoon season on the Marina.",
    tagline: "Some songs are meant for one listener.",
    genres: ["Romance", "Drama"],
    language: "Tamil",
    rating: "7.8",
    durationMins: 136,
    ageRating: "U",
    releaseDate: "2026-10-31",
    format: "2D",
  },
  {
    key: "kondaveedu-rising",
    title: "Kondaveedu Rising",
    about:
      "In the fourteenth-century Deccan, a stonemason's son leads a besieged hill fort against an army ten times its size. " +
      "A sweeping period epic of loyalty, betrayal and the walls people build to protect each other.",
    tagline: "A fort stands as long as its people do.",
    genres: ["Action", "Historical", "Drama"],
    language: "Telugu",
    rating: "8.6",
    durationMins: 168,
    ageRating: "UA16+",
    releaseDate: "2026-11-13",
    format: "3D",
  },
  {
    key: "thattukada-detective",
    title: "Thattukada Detective",
    about:
      "Kochi's best parotta maker notices that his late-night customers keep ordering the same strange combination before each burglary. " +
      "Armed with a notebook and a very hot tawa, he decides to crack the case himself.",
    tagline: "Every order tells a story.",
    genres: ["Comedy", "Mystery"],
    language: "Malayalam",
    rating: "8.3",
    durationMins: 124,
    ageRating: "UA",
    releaseDate: "2026-10-24",
    format: "2D",
  },
  {
    key: "hampi-echoes",
    title: "Hampi Echoes",
    about:
      "A sound engineer recording temple acoustics at Hampi hears a melody in the stone that should not exist. " +
      "Her search for its source pulls a sceptical local guide into a puzzle laid down five hundred years ago.",
    tagline: "The ruins remember everything.",
    genres: ["Adventure", "Mystery"],
    language: "Kannada",
    rating: "7.9",
    durationMins: 133,
    ageRating: "UA",
    releaseDate: "2026-11-06",
    format: "2D",
  },
  {
    key: "kothi-no-9",
    title: "Kothi No. 9",
    about:
      "Three flatmates rent a suspiciously cheap colonial bungalow in Shimla and find that the previous tenant never quite moved out. " +
      "Equal parts scream and giggle, with the most passive-aggressive ghost in Himachal.",
    tagline: "Rent is cheap. Leaving is not.",
    genres: ["Horror", "Comedy"],
    language: "Hindi",
    rating: "6.9",
    durationMins: 119,
    ageRating: "A",
    releaseDate: "2026-10-30",
    format: "2D",
  },
  {
    key: "chennai-circuit",
    title: "Chennai Circuit",
    about:
      "A bike mechanic from Pulianthope gets one shot at the national superbike championship on a borrowed machine. " +
      "Between rival teams and his father's old debts, the hardest race is the one off the track.",
    tagline: "Full throttle. No brakes. No turning back.",
    genres: ["Action", "Sports"],
    language: "Tamil",
    rating: "7.5",
    durationMins: 146,
    ageRating: "UA13+",
    releaseDate: "2026-11-20",
    format: "4DX",
  },
  {
    key: "lantern-at-kestrel-point",
    title: "The Lantern at Kestrel Point",
    about:
      "A retired cartographer returns to the island where her sister vanished thirty years ago, only to find the lighthouse lit again. " +
      "A slow-burning coastal mystery about memory, maps and the things we choose not to chart.",
    tagline: "Someone has been keeping the light on.",
    genres: ["Mystery", "Drama"],
    language: "English",
    rating: "7.7",
    durationMins: 112,
    ageRating: "UA13+",
    releaseDate: "2026-10-17",
    format: "2D",
  },
  {
    key: "quiet-comet",
    title: "Quiet Comet",
    about:
      "A shy comet who cannot glow runs away from the solar system's brightest parade and befriends a lost satellite. " +
      "A warm animated adventure for the whole family about finding your own kind of light.",
    tagline: "Not every star needs to shine to be seen.",
    genres: ["Animation", "Family", "Adventure"],
    language: "English",
    rating: "8.0",
    durationMins: 98,
    ageRating: "U",
    releaseDate: "2026-11-14",
    format: "3D",
  },
  {
    key: "vizag-letters",
    title: "Vizag Letters",
    about:
      "Decades after they were written, a bundle of undelivered love letters turns up in a Visakhapatnam post office. " +
      "A young postman sets out to deliver them, and the songs of one unfinished romance follow him down the coast.",
    tagline: "Some letters take a lifetime to arrive.",
    genres: ["Romance", "Drama", "Musical"],
    language: "Telugu",
    rating: "7.3",
    durationMins: 139,
    ageRating: "UA",
    releaseDate: "2026-11-20",
    format: "2D",
  },
];

export const MOVIES: SeedMovie[] = MOVIE_DATA.map((m) => {
  const id = movieIdOf(m.key);
  return {
    ...m,
    id,
    languages: [m.language],
    formats: [m.format],
    palette: posterPaletteFor(m.title),
    thumbnailUrl: `/api/v1/movies/${id}/poster.svg`,
  };
});

/** The poster of a seed movie exactly as the worker would render it (plus the tagline). */
export function seedPosterSvg(movie: SeedMovie): string {
  return renderPosterSvg({
    title: movie.title,
    tagline: movie.tagline,
    genres: movie.genres,
    language: movie.language,
    ageRating: movie.ageRating,
  });
}

// ---------------------------------------------------------------------------------------------
// Seat layouts
// ---------------------------------------------------------------------------------------------

/**
 * One row from a picture of it: `s` is a seat, `_` an aisle or gap. Seats are numbered 1..n left
 * to right, gaps take a grid column but no number.
 */
export function seatRow(label: string, category: string, picture: string): SeatRow {
  let n = 0;
  const columns = [...picture].map((ch) => {
    if (ch === "s") return ++n;
    if (ch === "_") return null;
    throw new Error(`row ${label}: unexpected ${JSON.stringify(ch)} in seat picture`);
  });
  return { label, category, columns };
}

/** The same picture for several consecutive row labels. */
function rowsOf(labels: string, category: string, picture: string): SeatRow[] {
  return [...labels].map((label) => seatRow(label, category, picture));
}

export interface SeedLayout {
  key: string;
  id: string;
  theatreKey: string;
  theatreId: string;
  screenName: string;
  screenId: string;
  version: number;
  rows: number;
  cols: number;
  layout: SeatLayout;
}

type LayoutData = Pick<SeedLayout, "theatreKey" | "screenName" | "layout">;

const LAYOUT_DATA: LayoutData[] = [
  {
    // The big hall: 15 rows × 24 columns, two aisles, recliners at the back.
    theatreKey: "starlight-andheri",
    screenName: "Audi 1 · IMAX",
    layout: {
      categories: [
        { code: "RECLINER", name: "Recliner", surcharge: "250.00" },
        { code: "PRIME", name: "Prime", surcharge: "60.00" },
        { code: "CLASSIC", name: "Classic", surcharge: "0.00" },
      ],
      rows: [
        ...rowsOf("ABC", "CLASSIC", "__sss_ssssssssssss_sss__"),
        seatRow("D", "PRIME", "_ssss_ssssssssssss_ssss_"),
        ...rowsOf("EFGHIJKL", "PRIME", "ssss_ssssssssssssss_ssss"),
        ...rowsOf("MNO", "RECLINER", "ss_ss_ss_ss__ss_ss_ss_ss"),
      ],
    },
  },
  {
    // Heritage single screen: stalls in front, balcony behind.
    theatreKey: "rajhans-dadar",
    screenName: "Main Hall",
    layout: {
      categories: [
        { code: "BALCONY", name: "Balcony", surcharge: "70.00" },
        { code: "STALLS", name: "Stalls", surcharge: "0.00" },
      ],
      rows: [
        ...rowsOf("ABCDEFGH", "STALLS", "ssss_ssssssssssss_ssss"),
        ...rowsOf("JKLMN", "BALCONY", "_sss_ssssssssssss_sss_"),
      ],
    },
  },
  {
    theatreKey: "silverline-koramangala",
    screenName: "Screen 1",
    layout: {
      categories: [
        { code: "PREMIUM", name: "Premium", surcharge: "90.00" },
        { code: "PRIME", name: "Prime", surcharge: "40.00" },
        { code: "CLASSIC", name: "Classic", surcharge: "0.00" },
      ],
      rows: [
        ...rowsOf("ABCD", "CLASSIC", "_ssssssss_ssssssss_"),
        ...rowsOf("EFGHIJ", "PRIME", "sssssssss_sssssssss"),
        ...rowsOf("KL", "PREMIUM", "_ssssssss_ssssssss_"),
      ],
    },
  },
  {
    // Small luxury lounge: recliners only, in pairs.
    theatreKey: "silverline-koramangala",
    screenName: "Screen 3 · Lounge",
    layout: {
      categories: [{ code: "RECLINER", name: "Recliner Lounge", surcharge: "150.00" }],
      rows: rowsOf("ABCDEF", "RECLINER", "ss_ss__ss__ss_ss"),
    },
  },
  {
    theatreKey: "nandi-whitefield",
    screenName: "Screen 1",
    layout: {
      categories: [
        { code: "ROYAL", name: "Royal", surcharge: "80.00" },
        { code: "EXECUTIVE", name: "Executive", surcharge: "30.00" },
        { code: "NORMAL", name: "Normal", surcharge: "0.00" },
      ],
      rows: [
        ...rowsOf("ABC", "NORMAL", "ss_ssssssssss_ss"),
        ...rowsOf("DEFGH", "EXECUTIVE", "ss_ssssssssss_ss"),
        ...rowsOf("IJ", "ROYAL", "__ssssssssssss__"),
      ],
    },
  },
  {
    // Motion seats come in blocks of four.
    theatreKey: "nandi-whitefield",
    screenName: "Screen 2 · 4DX",
    layout: {
      categories: [{ code: "MOTION", name: "4DX Motion", surcharge: "0.00" }],
      rows: rowsOf("ABCDEFGH", "MOTION", "ssss_ssss_ssss"),
    },
  },
  {
    // Second big hall: 16 rows × 22 columns.
    theatreKey: "deccanstar-hitech-city",
    screenName: "Screen 1 · IMAX",
    layout: {
      categories: [
        { code: "ROYAL_RECLINER", name: "Royal Recliner", surcharge: "220.00" },
        { code: "GOLD", name: "Gold", surcharge: "50.00" },
        { code: "SILVER", name: "Silver", surcharge: "0.00" },
      ],
      rows: [
        ...rowsOf("AB", "SILVER", "___ssssssssssssssss___"),
        ...rowsOf("CDEFGHIJKLM", "GOLD", "ssss_ssssssssssss_ssss"),
        ...rowsOf("NOP", "ROYAL_RECLINER", "_ss_ss_ss__ss_ss_ss_ss"),
      ],
    },
  },
  {
    theatreKey: "golconda-ameerpet",
    screenName: "Main Hall",
    layout: {
      categories: [
        { code: "BALCONY", name: "Balcony", surcharge: "60.00" },
        { code: "UPPER", name: "Upper Stalls", surcharge: "30.00" },
        { code: "LOWER", name: "Lower Stalls", surcharge: "0.00" },
      ],
      rows: [
        ...rowsOf("ABC", "LOWER", "_ssss_ssssssssss_ssss_"),
        ...rowsOf("DEFGHIJ", "UPPER", "sssss_ssssssssss_sssss"),
        ...rowsOf("KLM", "BALCONY", "__ssss_ssssssss_ssss__"),
      ],
    },
  },
];

export const SEAT_LAYOUTS: SeedLayout[] = LAYOUT_DATA.map((l) => ({
  ...l,
  key: `${l.theatreKey}:${l.screenName}`,
  id: layoutIdOf(l.theatreKey, l.screenName),
  theatreId: theatreIdOf(l.theatreKey),
  screenId: screenIdOf(l.theatreKey, l.screenName),
  version: 1,
  rows: l.layout.rows.length,
  cols: Math.max(...l.layout.rows.map((r) => r.columns.length)),
}));

// ---------------------------------------------------------------------------------------------
// Theatres and their screens
// ---------------------------------------------------------------------------------------------

export interface SeedScreen {
  name: string;
  /** true → the screen has a row in seat_layouts; false → shows use the default 10×10 hall. */
  hasLayout: boolean;
  /** What the screen plays, rotated through the day (and shifted a step each day). */
  movieKeys: string[];
  /** Base price before time-of-day, weekend and format adjustments. */
  basePrice: number;
  /** First show of the day (IST); later shows follow back to back with a break. */
  opensAt?: string;
  /** Single screens keep fixed show times instead (IST). */
  fixedTimes?: string[];
}

export interface SeedTheatre {
  key: string;
  id: string;
  name: string;
  city: string;
  address: string;
  /** numeric(10,8) / numeric(11,8) as Postgres prints them. */
  geoLat: string;
  geoLng: string;
  cancellationAvailable: boolean;
  screens: SeedScreen[];
}

const THEATRE_DATA: Omit<SeedTheatre, "id">[] = [
  {
    key: "starlight-andheri",
    name: "Starlight Cinemas: Andheri West",
    city: "Mumbai",
    address: "4th Floor, Lotus Crest Mall, New Link Road, Andheri West, Mumbai, Maharashtra 400053",
    geoLat: "19.13641200",
    geoLng: "72.82961500",
    cancellationAvailable: true,
    screens: [
      {
        name: "Audi 1 · IMAX",
        hasLayout: true,
        movieKeys: ["orbital-drift", "monsoon-protocol"],
        basePrice: 260,
        opensAt: "09:15",
      },
      {
        name: "Audi 2",
        hasLayout: false,
        movieKeys: ["chai-and-chaos", "kothi-no-9", "lantern-at-kestrel-point", "quiet-comet", "thattukada-detective"],
        basePrice: 200,
        opensAt: "09:45",
      },
    ],
  },
  {
    key: "rajhans-dadar",
    name: "Rajhans Talkies: Dadar",
    city: "Mumbai",
    address: "Ranade Road, opposite Dadar Flower Market, Dadar West, Mumbai, Maharashtra 400028",
    geoLat: "19.01946300",
    geoLng: "72.84301800",
    // The old single screen sells non-refundable tickets.
    cancellationAvailable: false,
    screens: [
      {
        name: "Main Hall",
        hasLayout: true,
        movieKeys: ["chai-and-chaos", "monsoon-protocol", "kothi-no-9"],
        basePrice: 180,
        fixedTimes: ["11:30", "14:45", "18:00", "21:15"],
      },
    ],
  },
  {
    key: "silverline-koramangala",
    name: "Silverline Multiplex: Koramangala",
    city: "Bengaluru",
    address: "3rd Floor, Meridian Square, 80 Feet Road, 4th Block, Koramangala, Bengaluru, Karnataka 560034",
    geoLat: "12.93521700",
    geoLng: "77.62448900",
    cancellationAvailable: true,
    screens: [
      {
        name: "Screen 1",
        hasLayout: true,
        movieKeys: ["hampi-echoes", "kondaveedu-rising", "monsoon-protocol", "marina-mirage"],
        basePrice: 220,
        opensAt: "09:30",
      },
      {
        name: "Screen 2",
        hasLayout: false,
        movieKeys: ["thattukada-detective", "quiet-comet", "lantern-at-kestrel-point", "vizag-letters"],
        basePrice: 200,
        opensAt: "10:00",
      },
      {
        name: "Screen 3 · Lounge",
        hasLayout: true,
        movieKeys: ["orbital-drift", "lantern-at-kestrel-point", "marina-mirage"],
        basePrice: 380,
        opensAt: "11:15",
      },
    ],
  },
  {
    key: "nandi-whitefield",
    name: "Nandi Cineplex: Whitefield",
    city: "Bengaluru",
    address: "Brookfield Arcade, ITPL Main Road, Whitefield, Bengaluru, Karnataka 560066",
    geoLat: "12.96984500",
    geoLng: "77.74991200",
    cancellationAvailable: true,
    screens: [
      {
        name: "Screen 1",
        hasLayout: true,
        movieKeys: ["hampi-echoes", "kondaveedu-rising", "chai-and-chaos", "orbital-drift"],
        basePrice: 200,
        opensAt: "09:00",
      },
      {
        name: "Screen 2 · 4DX",
        hasLayout: true,
        movieKeys: ["chennai-circuit", "monsoon-protocol"],
        basePrice: 300,
        opensAt: "10:30",
      },
    ],
  },
  {
    key: "deccanstar-hitech-city",
    name: "Deccan Star Cinemas: Hitech City",
    city: "Hyderabad",
    address: "Cyber Towers Road, Madhapur, Hitech City, Hyderabad, Telangana 500081",
    geoLat: "17.45042300",
    geoLng: "78.38081700",
    cancellationAvailable: true,
    screens: [
      {
        name: "Screen 1 · IMAX",
        hasLayout: true,
        movieKeys: ["kondaveedu-rising", "orbital-drift", "monsoon-protocol"],
        basePrice: 250,
        opensAt: "08:45",
      },
      {
        name: "Screen 2",
        hasLayout: false,
        movieKeys: ["vizag-letters", "chennai-circuit", "quiet-comet", "kothi-no-9"],
        basePrice: 190,
        opensAt: "09:30",
      },
    ],
  },
  {
    key: "golconda-ameerpet",
    name: "Golconda Talkies: Ameerpet",
    city: "Hyderabad",
    address: "Mythrivanam Road, Srinivasa Nagar, Ameerpet, Hyderabad, Telangana 500038",
    geoLat: "17.43752900",
    geoLng: "78.44823600",
    cancellationAvailable: true,
    screens: [
      {
        name: "Main Hall",
        hasLayout: true,
        movieKeys: ["kondaveedu-rising", "vizag-letters"],
        basePrice: 180,
        fixedTimes: ["10:30", "13:45", "17:15", "20:45"],
      },
    ],
  },
];

export const THEATRES: SeedTheatre[] = THEATRE_DATA.map((t) => ({ ...t, id: theatreIdOf(t.key) }));

/** Every seed screen, with or without a layout of its own (src/db/schema.ts: screens). */
export const SCREENS = THEATRES.flatMap((t) =>
  t.screens.map((s) => ({ id: screenIdOf(t.key, s.name), theatreId: t.id, name: s.name })),
);

// ---------------------------------------------------------------------------------------------
// Shows
// ---------------------------------------------------------------------------------------------

/** India Standard Time is UTC+05:30 all year (no daylight saving). */
export const IST_OFFSET_MINUTES = 330;
const MINUTE = 60_000;
const DAY = 86_400_000;
export const SHOW_DAYS = 7;
/** Cleaning + trailers between the end of one show and the start of the next. */
const TURNAROUND_MINUTES = 20;
/** No show starts later than this (IST). */
const LAST_START = "22:45";
const MIN_PRICE = 180;
const MAX_PRICE = 450;
const FORMAT_PREMIUM: Record<MovieFormat, number> = { "2D": 0, "3D": 30, IMAX: 50, "4DX": 60 };

export interface SeedShow {
  id: string;
  movieId: string;
  theatreId: string;
  /** null → the default 10×10 hall. */
  layoutId: string | null;
  screenId: string;
  /** UTC ISO-8601. */
  startTime: string;
  hallFreeAt: string;
  /** numeric(10,2) as a decimal string. */
  price: string;
  status: "AVAILABLE";
  // Not stored, handy for tests and logs:
  movieKey: string;
  theatreKey: string;
  screenName: string;
  /** YYYY-MM-DD in IST. */
  localDate: string;
  /** HH:MM in IST. */
  localTime: string;
  endTime: string;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
};
const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const ceilTo5 = (minutes: number) => Math.ceil(minutes / 5) * 5;

/** The IST calendar date of an instant, as UTC midnight of that date (ms). */
export function istDayStart(now: Date): number {
  const shifted = now.getTime() + IST_OFFSET_MINUTES * MINUTE;
  return Math.floor(shifted / DAY) * DAY;
}

/** Ticket price for a show: screen base, time of day, weekend, format; whole tens within 180–450. */
export function showPrice(
  screen: Pick<SeedScreen, "basePrice">,
  movie: Pick<SeedMovie, "format">,
  localMinutes: number,
  weekday: number,
): string {
  let price = screen.basePrice;
  if (localMinutes < 12 * 60)
    price -= 40; // morning shows
  else if (localMinutes >= 17 * 60 && localMinutes < 21 * 60)
    price += 40; // evening prime time
  else if (localMinutes >= 21 * 60) price += 20; // late night
  if (weekday === 0 || weekday === 6) price += 40;
  price += FORMAT_PREMIUM[movie.format];
  price = Math.min(MAX_PRICE, Math.max(MIN_PRICE, Math.round(price / 10) * 10));
  return price.toFixed(2);
}

const movieByKey = new Map(MOVIES.map((m) => [m.key, m]));

function movieOf(key: string): SeedMovie {
  const movie = movieByKey.get(key);
  if (!movie) throw new Error(`unknown movie ${key}`);
  return movie;
}

/**
 * The shows of one screen on one IST calendar date. A pure function of the date (not of "today"),
 * so the same date always yields the same shows.
 */
export function buildScreenDay(theatre: SeedTheatre, screenIndex: number, dayStartUtcMs: number): SeedShow[] {
  const screen = theatre.screens[screenIndex];
  if (!screen) throw new Error(`${theatre.key}: no screen ${screenIndex}`);
  const dayNumber = Math.round(dayStartUtcMs / DAY);
  const weekday = new Date(dayStartUtcMs).getUTCDay();
  const localDate = new Date(dayStartUtcMs).toISOString().slice(0, 10);
  const layoutId = screen.hasLayout ? layoutIdOf(theatre.key, screen.name) : null;
  const lastStart = minutesOf(LAST_START);
  const shows: SeedShow[] = [];

  let nextStart = screen.fixedTimes
    ? minutesOf(screen.fixedTimes[0]!)
    : minutesOf(screen.opensAt ?? "10:00") + ((dayNumber + screenIndex) % 3) * 5;
  let previousEnd = -Infinity;
  for (let slot = 0; ; slot++) {
    if (screen.fixedTimes) {
      const fixed = screen.fixedTimes[slot];
      if (fixed === undefined) break;
      nextStart = minutesOf(fixed);
    }
    const start = nextStart;
    if (start > lastStart) break;
    const movie = movieOf(screen.movieKeys[(dayNumber + slot) % screen.movieKeys.length]!);
    if (start < previousEnd + 15) {
      throw new Error(
        `${theatre.key}/${screen.name} ${localDate}: the ${hhmmOf(start)} show starts before the hall is ready`,
      );
    }
    const end = start + movie.durationMins;
    const startMs = dayStartUtcMs + (start - IST_OFFSET_MINUTES) * MINUTE;
    const startTime = new Date(startMs).toISOString();
    shows.push({
      id: showIdOf(theatre.key, screen.name, startTime),
      movieId: movie.id,
      theatreId: theatre.id,
      layoutId,
      screenId: screenIdOf(theatre.key, screen.name),
      startTime,
      hallFreeAt: new Date(startMs + (movie.durationMins + SHOW_CLEANING_BUFFER_MINUTES) * MINUTE).toISOString(),
      price: showPrice(screen, movie, start, weekday),
      status: "AVAILABLE",
      movieKey: movie.key,
      theatreKey: theatre.key,
      screenName: screen.name,
      localDate,
      localTime: hhmmOf(start),
      endTime: new Date(startMs + movie.durationMins * MINUTE).toISOString(),
    });
    previousEnd = end;
    nextStart = ceilTo5(end + TURNAROUND_MINUTES);
  }
  return shows;
}

/** A week of shows: the IST date of `now` and the six days after it, every theatre and screen. */
export function buildShows(now: Date): SeedShow[] {
  const first = istDayStart(now);
  const shows: SeedShow[] = [];
  for (let d = 0; d < SHOW_DAYS; d++) {
    for (const theatre of THEATRES) {
      theatre.screens.forEach((_, screenIndex) => {
        shows.push(...buildScreenDay(theatre, screenIndex, first + d * DAY));
      });
    }
  }
  return shows;
}
