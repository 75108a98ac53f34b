import type { ReportGroup, ReportRow } from "../shared/admin-ops-schemas";
import { cinemaDate, cinemaWallTime } from "../shared/cinema-time";
import { formatPaise } from "../shared/money";

/**
 * The numbers (docs/API.md: Back office, reports), pure: one show's figures as the database
 * counts them, summed into shows, days, movies or theatres, with the rates derived from the sums
 * (never averaged), and written as CSV.
 */

/** One show's figures; money in paise. */
export interface ShowFigures {
  showId: string;
  startTime: string;
  movieId: string;
  movieTitle: string;
  theatreId: string;
  theatreName: string;
  capacity: number;
  houseSeats: number;
  seatsSold: number;
  seatsSoldCounter: number;
  grossPaise: number;
  grossCounterPaise: number;
  feesPaise: number;
  refundsPaise: number;
  holds: number;
  holdsReleased: number;
  orders: number;
  paymentsStarted: number;
  paid: number;
  paidOnline: number;
}

type Sums = Omit<ShowFigures, "showId" | "startTime" | "movieId" | "movieTitle" | "theatreId" | "theatreName">;
/** Every summed figure at nought: the type makes it name each one (a new figure cannot be left out of the sums). */
const ZERO: Sums = {
  capacity: 0,
  houseSeats: 0,
  seatsSold: 0,
  seatsSoldCounter: 0,
  grossPaise: 0,
  grossCounterPaise: 0,
  feesPaise: 0,
  refundsPaise: 0,
  holds: 0,
  holdsReleased: 0,
  orders: 0,
  paymentsStarted: 0,
  paid: 0,
  paidOnline: 0,
};
const SUMMED = Object.keys(ZERO) as (keyof Sums)[];

/** "2026-12-02 19:30": a show's start on the cinemas' clock. */
export function cinemaDateTime(instant: string): string {
  const local = cinemaWallTime(instant);
  return local.toISOString().slice(0, 16).replace("T", " ");
}

const keyOf: Record<ReportGroup, (s: ShowFigures) => [key: string, label: string]> = {
  show: (s) => [s.showId, `${s.movieTitle} · ${s.theatreName} · ${cinemaDateTime(s.startTime)}`],
  day: (s) => {
    const day = cinemaDate(new Date(s.startTime));
    return [day, day];
  },
  movie: (s) => [s.movieId, s.movieTitle],
  theatre: (s) => [s.theatreId, s.theatreName],
};

/** A share of a whole, 0…1, rounded to 4 places; 0 of nothing is 0. */
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

function rowOf(key: string, label: string, shows: number, s: Sums): ReportRow {
  const expired = Math.max(0, s.holds - s.orders - s.holdsReleased);
  return {
    key,
    label,
    shows,
    capacity: s.capacity,
    seatsSold: s.seatsSold,
    seatsSoldOnline: s.seatsSold - s.seatsSoldCounter,
    seatsSoldCounter: s.seatsSoldCounter,
    houseSeats: s.houseSeats,
    occupancy: rate(s.seatsSold, s.capacity),
    gross: formatPaise(s.grossPaise),
    grossOnline: formatPaise(s.grossPaise - s.grossCounterPaise),
    grossCounter: formatPaise(s.grossCounterPaise),
    fees: formatPaise(s.feesPaise),
    refunds: formatPaise(s.refundsPaise),
    // A refund never exceeds what was paid for its order, so this is never negative.
    net: formatPaise(Math.max(0, s.grossPaise - s.refundsPaise)),
    funnel: {
      holds: s.holds,
      holdsReleased: s.holdsReleased,
      orders: s.orders,
      paymentsStarted: s.paymentsStarted,
      paid: s.paid,
      paidOnline: s.paidOnline,
      holdExpiryRate: rate(expired, s.holds),
      paymentSuccessRate: rate(s.paidOnline, s.paymentsStarted),
    },
  };
}

/** Every summed figure at nought (a group before its first show; tests build shows on it). */
export const zeroSums = (): Sums => ({ ...ZERO });
function add(into: Sums, from: Sums) {
  for (const k of SUMMED) into[k] += from[k];
}

/** The report's lines, grouped (in the order of the shows' start), and its totals. */
export function reportOf(figures: ShowFigures[], groupBy: ReportGroup): { rows: ReportRow[]; totals: ReportRow } {
  const groups = new Map<string, { label: string; shows: number; sums: Sums }>();
  const total = zeroSums();
  for (const show of figures) {
    const [key, label] = keyOf[groupBy](show);
    let group = groups.get(key);
    if (!group) {
      group = { label, shows: 0, sums: zeroSums() };
      groups.set(key, group);
    }
    group.shows += 1;
    add(group.sums, show);
    add(total, show);
  }
  const rows = [...groups].map(([key, g]) => rowOf(key, g.label, g.shows, g.sums));
  return { rows, totals: rowOf("total", "Total", figures.length, total) };
}

/** The CSV columns, in order: a header and how to read it from a line. */
const CSV_COLUMNS: [string, (r: ReportRow) => string | number][] = [
  ["key", (r) => r.key],
  ["label", (r) => r.label],
  ["shows", (r) => r.shows],
  ["capacity", (r) => r.capacity],
  ["seats_sold", (r) => r.seatsSold],
  ["seats_sold_online", (r) => r.seatsSoldOnline],
  ["seats_sold_counter", (r) => r.seatsSoldCounter],
  ["house_seats", (r) => r.houseSeats],
  ["occupancy", (r) => r.occupancy],
  ["gross", (r) => r.gross],
  ["gross_online", (r) => r.grossOnline],
  ["gross_counter", (r) => r.grossCounter],
  ["fees", (r) => r.fees],
  ["refunds", (r) => r.refunds],
  ["net", (r) => r.net],
  ["holds", (r) => r.funnel.holds],
  ["holds_released", (r) => r.funnel.holdsReleased],
  ["orders", (r) => r.funnel.orders],
  ["payments_started", (r) => r.funnel.paymentsStarted],
  ["paid", (r) => r.funnel.paid],
  ["paid_online", (r) => r.funnel.paidOnline],
  ["hold_expiry_rate", (r) => r.funnel.holdExpiryRate],
  ["payment_success_rate", (r) => r.funnel.paymentSuccessRate],
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading `'`,
 * so a movie titled "=HYPERLINK(…)" stays text (OWASP: CSV injection).
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV: a header, a line per group, then the totals; CRLF line ends (RFC 4180). */
export function reportCsv(report: { rows: ReportRow[]; totals: ReportRow }): string {
  const lines = [CSV_COLUMNS.map(([name]) => name)];
  for (const row of [...report.rows, report.totals]) lines.push(CSV_COLUMNS.map(([, read]) => csvField(read(row))));
  return `${lines.map((fields) => fields.join(",")).join("\r\n")}\r\n`;
}
