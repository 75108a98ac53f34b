import { useCallback, useState } from "react";

/** The show and door this scanner stands at, kept across reloads (an usher picks it once a show). */
export interface ChosenGate {
  showId: string;
  gate: string;
  label: string;
}

const STORAGE_KEY = "housefull.door.gate";

function read(): ChosenGate | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Partial<ChosenGate> | null;
    return parsed?.showId && parsed.gate
      ? { showId: parsed.showId, gate: parsed.gate, label: parsed.label ?? "" }
      : null;
  } catch {
    return null;
  }
}

export function useChosenGate() {
  const [gate, setGate] = useState<ChosenGate | null>(read);
  const choose = useCallback((next: ChosenGate | null) => {
    try {
      if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Memory only.
    }
    setGate(next);
  }, []);
  return [gate, choose] as const;
}
