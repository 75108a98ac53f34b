import type { PublicTicketKey } from "@housefull/shared";
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../../api/client";

export interface DoorKeys {
  keys: PublicTicketKey[];
  /** When this device last had them from the server (ms since the epoch). */
  fetchedAt: number;
  /** True when the server could not be reached and the keys kept on this device are used. */
  offline: boolean;
}

const STORAGE_KEY = "housefull.door.keys";

function kept(): Omit<DoorKeys, "offline"> | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<DoorKeys>) : null;
    return parsed && Array.isArray(parsed.keys) && typeof parsed.fetchedAt === "number"
      ? { keys: parsed.keys, fetchedAt: parsed.fetchedAt }
      : null;
  } catch {
    return null;
  }
}

function keep(value: Omit<DoorKeys, "offline">) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Storage full or blocked: this device then needs the network to verify.
  }
}

/**
 * GET /door/keys: the public keys that verify tickets, kept on the device so the scanner works
 * with no network (docs/TICKETS.md: offline). The server's answer wins whenever there is one.
 */
export const doorKeysQuery = () =>
  queryOptions({
    queryKey: ["door", "keys"] as const,
    queryFn: async ({ signal }): Promise<DoorKeys> => {
      try {
        const { keys } = await unwrap(api.door.keys.$get({}, { init: { signal } }));
        const fresh = { keys: keys as PublicTicketKey[], fetchedAt: Date.now() };
        keep(fresh);
        return { ...fresh, offline: false };
      } catch (error) {
        const stored = kept();
        if (stored) return { ...stored, offline: true };
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    refetchInterval: 15 * 60_000,
    retry: 1,
  });
