// Its own file, not the index: the first load names exactly the rules it has (web/chunking.ts).
import { ADMISSION_HEADER } from "@housefull/shared/admission-header";

/**
 * The admissions this tab holds, per on-sale event, and which event each show sells in (learnt
 * from its seat map). Session storage: an admission is bound to this visitor and lasts minutes,
 * so it has no business outliving the tab. The server checks it; this only carries it.
 */
const ADMISSION = "housefull:onsale:admission:";
const EVENT_OF_SHOW = "housefull:onsale:show:";

export interface Admission {
  token: string;
  expiresAt: string;
}

const read = (key: string): string | null => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage blocked: the waiting room asks again
  }
};
const write = (key: string, value: string) => {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // storage blocked: the hold is refused and the seat map sends the visitor back to the queue
  }
};

export const saveAdmission = (eventId: string, admission: Admission) =>
  write(ADMISSION + eventId, JSON.stringify(admission));

/** The tab's admission to the event, live or past its window. */
function keptAdmission(eventId: string): Admission | undefined {
  const raw = read(ADMISSION + eventId);
  if (!raw) return undefined;
  try {
    const admission = JSON.parse(raw) as Admission;
    return typeof admission.token === "string" ? admission : undefined;
  } catch {
    return undefined;
  }
}

/** The tab's admission to the event while it lasts. */
export function liveAdmission(eventId: string, now = Date.now()): Admission | undefined {
  const admission = keptAdmission(eventId);
  return admission && Date.parse(admission.expiresAt) > now ? admission : undefined;
}

/** The on-sale event this tab learnt the show sells in, if any. */
export const eventOfShow = (showId: string): string | null => read(EVENT_OF_SHOW + showId);

/** Session storage's keys that start with `prefix`. */
function keysStartingWith(prefix: string): string[] {
  try {
    return Object.keys(sessionStorage).filter((key) => key.startsWith(prefix));
  } catch {
    return [];
  }
}

/**
 * The waiting rooms this tab stands in (or was admitted from), for a sign-in to carry over; their
 * admissions are forgotten, being bound to the guest: the queue page asks for the account's.
 */
export function takeQueuedEvents(): string[] {
  const events = new Set(keysStartingWith(ADMISSION).map((key) => key.slice(ADMISSION.length)));
  for (const key of keysStartingWith(EVENT_OF_SHOW)) {
    const eventId = read(key);
    if (eventId) events.add(eventId);
  }
  for (const eventId of events) forgetAdmission(eventId);
  return [...events].slice(0, 20);
}

/** The tab's admission to the event is spent (the visitor bought): forget it. */
export function forgetAdmission(eventId: string) {
  try {
    sessionStorage.removeItem(ADMISSION + eventId);
  } catch {
    // storage blocked: nothing was kept
  }
}

export const rememberEventOfShow = (showId: string, eventId: string) => write(EVENT_OF_SHOW + showId, eventId);

/**
 * The header a request for this show carries: its event's admission, when the tab has one. `POST
 * /holds` needs it live; `POST /orders` (`pastItsWindow`) takes the one the hold was made with even
 * after its window (a hold made inside it may be ordered after), since an admission buys one order.
 */
function admissionHeaderFor(showId: string, pastItsWindow: boolean): Record<string, string> {
  const eventId = read(EVENT_OF_SHOW + showId);
  const admission = eventId ? (pastItsWindow ? keptAdmission(eventId) : liveAdmission(eventId)) : undefined;
  return admission ? { [ADMISSION_HEADER]: admission.token } : {};
}

export const admissionHeaders = (showId: string) => admissionHeaderFor(showId, false);
export const orderAdmissionHeaders = (showId: string) => admissionHeaderFor(showId, true);

/** Where a visitor of an event show without an admission goes: the event's queue, back to this show after. */
export const queuePath = (eventId: string, showId: string) => `/onsale/${eventId}?show=${showId}`;
