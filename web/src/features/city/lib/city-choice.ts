// Its own file, not the index: the first load names exactly the rules it has (web/chunking.ts).
import { distanceKm } from "@housefull/shared/geo";

/**
 * The visitor's city (and, if they shared it, their position), remembered in this browser and
 * shared by every component through one tiny store: the header's picker, the movie grid and the
 * showtimes all read the same choice, and a change in another tab follows here.
 */
export interface CityChoice {
  city: string | null;
  /** [latitude, longitude] when the visitor let the browser tell it: theatres nearest first. */
  position: [number, number] | null;
}

const STORAGE_KEY = "housefull.city";
const NONE: CityChoice = { city: null, position: null };
const listeners = new Set<() => void>();
let current = read();

function read(): CityChoice {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Partial<CityChoice> | null;
    if (!parsed || typeof parsed.city !== "string") return NONE;
    const p = parsed.position;
    const position = Array.isArray(p) && p.length === 2 && p.every(Number.isFinite) ? (p as [number, number]) : null;
    return { city: parsed.city, position };
  } catch {
    return NONE;
  }
}

export const cityChoice = {
  get: () => current,
  subscribe(listener: () => void) {
    listeners.add(listener);
    const onStorage = (e: StorageEvent) => {
      if (e.key !== STORAGE_KEY) return;
      current = read();
      listener();
    };
    window.addEventListener("storage", onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener("storage", onStorage);
    };
  },
  set(next: CityChoice) {
    current = next;
    if (next.city) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
    for (const listener of listeners) listener();
  },
};

/** The city whose theatres are closest on average to a position. */
export function nearestCity<C extends { name: string; location: { lat: number; lng: number } | null }>(
  cities: readonly C[],
  position: [number, number],
): C | undefined {
  let best: { city: C; km: number } | undefined;
  for (const city of cities) {
    if (!city.location) continue;
    const km = distanceKm(position, [city.location.lat, city.location.lng]);
    if (!best || km < best.km) best = { city, km };
  }
  return best?.city;
}
