import { CINEMA_TIME_ZONE, toPaise } from "@housefull/shared";
import type { ShowSummary } from "../api/shows";

/** The day's parts, by the cinema's clock: when a show starts. */
export const TIMES_OF_DAY = [
  { key: "morning", label: "Morning", sub: "before 12 pm", from: 0, to: 12 },
  { key: "afternoon", label: "Afternoon", sub: "12–4 pm", from: 12, to: 16 },
  { key: "evening", label: "Evening", sub: "4–8 pm", from: 16, to: 20 },
  { key: "night", label: "Night", sub: "after 8 pm", from: 20, to: 24 },
] as const;

/** Price bands by a show's lowest seat price, in paise. */
export const PRICE_BANDS = [
  { key: "under-200", label: "Under ₹200", min: 0, max: 20_000 },
  { key: "200-400", label: "₹200–₹400", min: 20_000, max: 40_000 },
  { key: "over-400", label: "Over ₹400", min: 40_000, max: Number.POSITIVE_INFINITY },
] as const;

export interface ShowFilter {
  format?: string;
  language?: string;
  time?: string;
  price?: string;
}

export const FILTER_KEYS = ["format", "language", "time", "price"] as const;

const hourFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: CINEMA_TIME_ZONE });
const hourOf = (iso: string) => Number(hourFormat.format(new Date(iso)));
const lowestPaise = (show: ShowSummary) =>
  Math.min(...[show.price, ...show.categories.map((c) => c.price)].map(toPaise));

/** Whether a show passes every filter set (an unset filter passes everything). */
export function passes(show: ShowSummary, filter: ShowFilter): boolean {
  if (filter.format && show.format !== filter.format) return false;
  if (filter.language && show.language !== filter.language) return false;
  const time = TIMES_OF_DAY.find((t) => t.key === filter.time);
  if (time) {
    const hour = hourOf(show.startTime);
    if (hour < time.from || hour >= time.to) return false;
  }
  const band = PRICE_BANDS.find((b) => b.key === filter.price);
  if (band) {
    const paise = lowestPaise(show);
    if (paise < band.min || paise >= band.max) return false;
  }
  return true;
}

/** The formats and languages the day's shows come in, for the choices offered. */
export function choicesOf(shows: readonly ShowSummary[]) {
  const formats = new Set<string>();
  const languages = new Set<string>();
  for (const show of shows) {
    if (show.format) formats.add(show.format);
    if (show.language) languages.add(show.language);
  }
  return { formats: [...formats].sort(), languages: [...languages].sort() };
}

export function filterOfParams(params: URLSearchParams): ShowFilter {
  const filter: ShowFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}
