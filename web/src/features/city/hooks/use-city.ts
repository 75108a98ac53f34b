import { useMemo, useSyncExternalStore } from "react";
import { useEarlyRead } from "../../../api/early-reads";
import { citiesRead } from "../api/cities";
import { type CityChoice, cityChoice } from "../lib/city-choice";

/** The visitor's chosen city and position, and a way to change them (remembered in this browser). */
export function useCity(): CityChoice & { choose: (next: CityChoice) => void } {
  const choice = useSyncExternalStore(cityChoice.subscribe, cityChoice.get);
  return { ...choice, choose: cityChoice.set };
}

/** GET /cities */
export const useCities = () => useEarlyRead(citiesRead());

/** Where showtimes should come from: the chosen city, nearest theatre first when the position is known. */
export function useShowsWhere(): { city?: string; near?: [number, number] } {
  const { city, position } = useSyncExternalStore(cityChoice.subscribe, cityChoice.get);
  return useMemo(() => ({ ...(city ? { city } : {}), ...(position ? { near: position } : {}) }), [city, position]);
}
