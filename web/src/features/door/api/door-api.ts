import type { DoorConflict, DoorManifest, DoorTicket, Gate, SeatAdmission } from "@housefull/shared";

export type { DoorConflict, DoorTicket, Gate, SeatAdmission };

/**
 * The door's API calls (docs/TICKETS.md: check-in). Staff sign in with a session (cookies), so these
 * go without the shop's guest Bearer token — a Bearer would be taken before the session — and carry
 * the session's CSRF token on writes.
 */

export type SyncResult = { scanId: string; outcome: "ADMITTED" | "CONFLICT" | "REFUSED" } & Partial<{
  ticket: DoorTicket;
  admitted: string[];
  first: SeatAdmission[];
  reason: string;
  detail: string;
}>;

/** An answer with its status; status 0 when there was no answer (offline). */
export interface DoorReply<T> {
  status: number;
  body: T;
}

let csrf: string | undefined;

export type StaffSession = { signedIn: true; userId: string; email: string; csrfToken: string } | { signedIn: false };

export async function staffSession(): Promise<StaffSession> {
  const res = await fetch("/api/v1/auth/session", { credentials: "same-origin" });
  const body = (await res.json()) as StaffSession;
  csrf = body.signedIn ? body.csrfToken : undefined;
  return body;
}

async function call<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<DoorReply<T>> {
  const headers: Record<string, string> = {};
  if (init.json !== undefined) headers["content-type"] = "application/json";
  if (init.method && init.method !== "GET") {
    if (csrf === undefined) await staffSession().catch(() => undefined);
    if (csrf) headers["x-csrf-token"] = csrf;
  }
  try {
    const res = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const body = (await res.json().catch(() => ({}))) as T;
    return { status: res.status, body };
  } catch {
    return { status: 0, body: {} as T };
  }
}

export const listGates = () => call<{ gates: Gate[] }>("/door/shows");
export const fetchManifest = (showId: string) => call<DoorManifest>(`/door/shows/${showId}/manifest`);
export const fetchConflicts = (showId: string) =>
  call<{ conflicts: DoorConflict[] }>(`/door/shows/${showId}/conflicts`);

export interface ErrorReply {
  error?: { code: string; message: string; reason?: string; admissions?: SeatAdmission[]; ticket?: DoorTicket };
}
export type CheckInReply = DoorReply<
  ({ outcome: "ADMITTED"; ticket: DoorTicket; admitted: string[]; earlier: SeatAdmission[] } & ErrorReply) | ErrorReply
>;

/** The ticket as the scanner got it: the QR code's token, or the typed short code. */
export type ScanCredential = { token: string; code?: undefined } | { code: string; token?: undefined };

export const postCheckIn = (
  body: { showId: string; gate: string; scanId: string } & ScanCredential,
): Promise<CheckInReply> => call("/checkins", { method: "POST", json: body });

export type QueuedAdmission = {
  scanId: string;
  showId: string;
  /** This device's own note (from the verified token or the manifest); the server looks it up itself. */
  orderId: string;
  gate: string;
  scannedAt: string;
  seats?: string[];
} & ScanCredential;

export const postSync = (showId: string, admissions: QueuedAdmission[]) =>
  call<{ results: SyncResult[] }>("/checkins/sync", {
    method: "POST",
    json: {
      showId,
      admissions: admissions.map(({ scanId, token, code, gate, scannedAt, seats }) => ({
        scanId,
        token,
        code,
        gate,
        scannedAt,
        seats,
      })),
    },
  });
