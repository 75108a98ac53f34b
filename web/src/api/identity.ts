/**
 * Who the browser is to the API: a guest token (POST /auth/guest) kept in localStorage and sent as
 * `Authorization: Bearer` on every call. It is fetched on first need (holds, orders, the seat map),
 * renewed shortly before it expires, and renewed once more if the API answers 401 anyway.
 *
 * Also keeps the offset between this device's clock and the server's (from `Date` headers), so hold
 * and payment countdowns follow the server's `expiresAt` even on a phone whose clock is off.
 */

interface Identity {
  token: string;
  userId: string;
  /** ISO-8601 */
  expiresAt: string;
}

const STORAGE_KEY = "housefull.identity";
/** Renew a token this long before it expires, so a booking never starts on one about to lapse. */
const RENEW_BEFORE_MS = 10 * 60_000;

let memoryIdentity: Identity | null = null;
let pending: Promise<Identity> | null = null;

function readStored(): Identity | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return memoryIdentity;
    const parsed = JSON.parse(raw) as Partial<Identity>;
    if (typeof parsed.token === "string" && typeof parsed.userId === "string" && typeof parsed.expiresAt === "string") {
      return parsed as Identity;
    }
  } catch {
    // Storage blocked (private mode, policy) or corrupt: fall back to memory.
  }
  return memoryIdentity;
}

function store(identity: Identity | null) {
  memoryIdentity = identity;
  try {
    if (identity) localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Memory only, then.
  }
}

const isFresh = (identity: Identity | null): identity is Identity =>
  identity !== null && Date.parse(identity.expiresAt) - RENEW_BEFORE_MS > Date.now();

/** The current token when there is a fresh one; never asks the API. */
export function currentToken(): string | null {
  const identity = readStored();
  return isFresh(identity) ? identity.token : null;
}

/** Whether this browser has ever got an identity (so it may have holds or bookings). */
export function hasIdentity(): boolean {
  return readStored() !== null;
}

/** A fresh guest identity, asking the API only when there is none (one request for many callers). */
async function ensureIdentity(forceNew = false): Promise<Identity> {
  const existing = readStored();
  if (!forceNew && isFresh(existing)) return existing;
  pending ??= requestGuest().finally(() => {
    pending = null;
  });
  return pending;
}

async function requestGuest(): Promise<Identity> {
  const res = await fetch("/api/v1/auth/guest", { method: "POST", headers: { Accept: "application/json" } });
  noteServerDate(res);
  if (!res.ok) {
    // Let the caller's error handling put it in words (429 with Retry-After, 503, ...).
    throw new GuestTokenError(res);
  }
  const identity = (await res.json()) as Identity;
  store(identity);
  return identity;
}

/** POST /auth/guest failed; carries the response so the API client can turn it into an ApiError. */
export class GuestTokenError extends Error {
  override readonly name = "GuestTokenError";
  constructor(readonly response: Response) {
    super(`Could not get a guest identity (HTTP ${response.status})`);
  }
}

/** Paths that mean nothing without an identity: a token is fetched before calling them. */
const NEEDS_IDENTITY = /^\/api\/v1\/(holds|orders)(\/|$|\?)/;

function pathOf(input: RequestInfo | URL): string {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return new URL(url, window.location.origin).pathname;
}

/**
 * `fetch` for the typed client: adds the bearer token (getting one first where the call needs it),
 * and on a 401 to a call that carried a token, gets a new token and tries once more.
 */
export async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const needsIdentity = NEEDS_IDENTITY.test(pathOf(input));
  let token: string | null;
  try {
    token = needsIdentity ? (await ensureIdentity()).token : currentToken();
  } catch (error) {
    // No identity to be had (rate limited, service down): that answer is this call's answer.
    if (error instanceof GuestTokenError) return error.response;
    throw error;
  }
  const send = (bearer: string | null) => {
    const headers = new Headers(init.headers);
    if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
    return fetch(input, { ...init, headers });
  };
  const res = await send(token);
  noteServerDate(res);
  if (res.status !== 401 || !token) return res;
  // The token expired or the server no longer accepts it (e.g. a rotated secret): a new guest.
  store(null);
  let renewed: Identity;
  try {
    renewed = await ensureIdentity(true);
  } catch (error) {
    if (error instanceof GuestTokenError) return error.response;
    throw error;
  }
  const retried = await send(renewed.token);
  noteServerDate(retried);
  return retried;
}

// Server clock ---------------------------------------------------------------------------------------

/** serverTime ≈ Date.now() + clockOffsetMs. Only corrected for real skew: `Date` has 1 s resolution. */
let clockOffsetMs = 0;
const SKEW_THRESHOLD_MS = 2_000;

function noteServerDate(res: Response) {
  const header = res.headers.get("Date");
  if (!header) return;
  const server = Date.parse(header);
  if (!Number.isFinite(server)) return;
  // The header truncates to the second: the server's clock read somewhere in [server, server + 1 s).
  const offset = server + 500 - Date.now();
  clockOffsetMs = Math.abs(offset) > SKEW_THRESHOLD_MS ? offset : 0;
}

/** Now, on the server's clock (as far as we can tell). */
export function serverNow(): number {
  return Date.now() + clockOffsetMs;
}
