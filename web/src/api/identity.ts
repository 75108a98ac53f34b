/**
 * Who the browser is to the API, decided here and nowhere else:
 * - a signed-in person (session cookies, see ./session.ts): requests carry no token, the cookies
 *   identify them, and writes carry the session's CSRF token;
 * - otherwise a guest: a guest token (POST /auth/guest) kept in localStorage and sent as
 *   `Authorization: Bearer`. It is fetched on first need (holds, orders), renewed shortly before it
 *   expires, and renewed once more if the API answers 401 anyway.
 * The API lets a Bearer token win over cookies, so a signed-in person must never send one: calls
 * that would carry a token or a CSRF header wait for the session answer (once per page load).
 * Public reads do not wait; the cookies ride along on their own.
 *
 * After any sign-in, a guest token still stored here is claimed once (its bookings and this browser's
 * live holds move to the account) and dropped.
 *
 * Also keeps the offset between this device's clock and the server's (from `Date` headers), so hold
 * and payment countdowns follow the server's `expiresAt` even on a phone whose clock is off.
 */
import { holdIdsBookedHere } from "../features/booking/lib/booking-storage";
import { takeQueuedEvents } from "../features/onsale/lib/admission";
import { loadSession, type Session, sessionSnapshot, setSession } from "./session";

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
  return readStored() !== null || sessionSnapshot()?.signedIn === true;
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

/**
 * Paths that mean nothing without an identity: a token is fetched before calling them (a place in
 * an on-sale's waiting room is bound to who holds it, so joining one needs a guest identity too).
 */
const NEEDS_IDENTITY = /^\/api\/v1\/(holds|orders|onsale\/events)(\/|$|\?)/;
/** Sign-in and the account: never a guest token; a 401 here means signed out, nothing to retry. */
const ACCOUNT_PATH = /^\/api\/v1\/(auth|account)(\/|$)/;
const SAFE_METHODS = new Set(["GET", "HEAD"]);
const CSRF_HEADER = "x-csrf-token";
const SIGNED_OUT: Session = { signedIn: false };

function pathOf(input: RequestInfo | URL): string {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return new URL(url, window.location.origin).pathname;
}

// Signed in or a guest ---------------------------------------------------------------------------

let decided: Promise<Session> | null = null;

/** Who this browser is: the session answer (asked once), after claiming any guest token it left. */
export function whoAmI(): Promise<Session> {
  decided ??= loadSession().then(settle);
  return decided;
}

/** After signing in or out on this page: what the API now says (claims a guest token on sign-in). */
export function adoptSession(session: Session): Promise<Session> {
  // Decided before anyone hears of it: a call made on the news waits for the claim.
  decided = settle(session);
  setSession(session);
  return decided;
}

async function settle(session: Session): Promise<Session> {
  if (session.signedIn) await claimGuest(session);
  return session;
}

/**
 * A guest who signs in brings their bookings: POST /auth/claim-guest with the stored guest token and
 * the holds this browser is booking with (mid-checkout, they become the account's) and the on-sale
 * waiting rooms it stands in (the account keeps the place or admission), then the token
 * is dropped (refused or claimed, it is done). Kept only when there was no answer or the server
 * failed, so the next page load tries again.
 */
async function claimGuest(session: Extract<Session, { signedIn: true }>): Promise<void> {
  const guest = readStored();
  if (!guest) return;
  try {
    const res = await fetch("/api/v1/auth/claim-guest", {
      method: "POST",
      headers: { "Content-Type": "application/json", [CSRF_HEADER]: session.csrfToken },
      body: JSON.stringify({
        guestToken: guest.token,
        holdIds: holdIdsBookedHere(),
        onsaleEventIds: takeQueuedEvents(),
      }),
    });
    if (res.status < 500) store(null);
  } catch {
    // Offline: try again next time.
  }
}

/**
 * `fetch` for the typed client. A signed-in person: cookies, the CSRF header on writes. A guest:
 * the bearer token (getting one first where the call needs it), and on a 401 to a call that
 * carried a token, a new token and one more try.
 */
export async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const path = pathOf(input);
  const needsIdentity = NEEDS_IDENTITY.test(path);
  const write = !SAFE_METHODS.has((init.method ?? "GET").toUpperCase());
  const accountCall = ACCOUNT_PATH.test(path);
  // A public read need not wait for the session answer: without a token, the cookies speak.
  const who = needsIdentity || write || accountCall ? await whoAmI() : sessionSnapshot();

  const send = (auth: { bearer?: string; csrf?: string }) => {
    const headers = new Headers(init.headers);
    if (auth.bearer) headers.set("Authorization", `Bearer ${auth.bearer}`);
    if (auth.csrf && write) headers.set(CSRF_HEADER, auth.csrf);
    return fetch(input, { ...init, headers }).then((res) => {
      noteServerDate(res);
      return res;
    });
  };

  if (who?.signedIn) {
    const res = await send({ csrf: who.csrfToken });
    if (write && (await csrfRefused(res))) {
      // Signed out and in again in another tab: a new session, a new CSRF token. Ask once more.
      const fresh = await adoptSession(await loadSession(true));
      if (fresh.signedIn && fresh.csrfToken !== who.csrfToken) return send({ csrf: fresh.csrfToken });
      return res;
    }
    if (res.status !== 401) return res;
    // The session was revoked (signed out everywhere) or expired: a guest from here on.
    await adoptSession(SIGNED_OUT);
    if (accountCall) return res;
  } else if (accountCall) {
    return send({});
  }
  return sendAsGuest(needsIdentity, send);
}

async function csrfRefused(res: Response): Promise<boolean> {
  if (res.status !== 403) return false;
  try {
    const body = (await res.clone().json()) as { error?: { code?: string } };
    return body.error?.code === "CSRF_REFUSED";
  } catch {
    return false;
  }
}

async function sendAsGuest(
  needsIdentity: boolean,
  send: (auth: { bearer?: string }) => Promise<Response>,
): Promise<Response> {
  let token: string | null;
  try {
    token = needsIdentity ? (await ensureIdentity()).token : currentToken();
  } catch (error) {
    // No identity to be had (rate limited, service down): that answer is this call's answer.
    if (error instanceof GuestTokenError) return error.response;
    throw error;
  }
  const res = await send({ bearer: token ?? undefined });
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
  return send({ bearer: renewed.token });
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
