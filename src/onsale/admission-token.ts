import { keyedHash } from "../accounts/secrets";
import type { Config } from "../env";

/**
 * An admission: `<expires at ms>.<HMAC>` over the event, the visitor's identity (user or guest id)
 * and the deadline, under a key derived from AUTH_JWT_SECRET for this purpose only. Checking it
 * costs no round trip; another person's token, or one altered or past its deadline, is refused,
 * so sharing or replaying one lets nobody else skip the line and never outlives its window.
 */
const macOf = (config: Config, eventId: string, userId: string, expiresAtMs: number) =>
  keyedHash(config, "admission-token", `${eventId}\n${userId}\n${expiresAtMs}`);

export async function signAdmission(
  config: Config,
  admission: { eventId: string; userId: string; expiresAtMs: number },
): Promise<string> {
  return `${admission.expiresAtMs}.${await macOf(config, admission.eventId, admission.userId, admission.expiresAtMs)}`;
}

export type AdmissionVerdict =
  /** Signed for this user and event, and its deadline (ms) is ahead. */
  { verdict: "ADMITTED"; untilMs: number } | { verdict: "MISSING" | "EXPIRED" | "NOT_YOURS" };

/** Whether `token` admits this user to this event now (NOT_YOURS: someone else's, or not ours at all). */
export async function judgeAdmission(
  config: Config,
  token: string | undefined,
  admission: { eventId: string; userId: string; nowMs: number },
): Promise<AdmissionVerdict> {
  if (!token) return { verdict: "MISSING" };
  const match = /^(\d{1,15})\.([0-9a-f]{64})$/.exec(token);
  if (!match) return { verdict: "NOT_YOURS" };
  const expiresAtMs = Number(match[1]);
  const expected = await macOf(config, admission.eventId, admission.userId, expiresAtMs);
  // Both are hex of the same length; compared in full so the time says nothing about the match.
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (match[2] ?? "").charCodeAt(i);
  if (diff !== 0) return { verdict: "NOT_YOURS" };
  return expiresAtMs > admission.nowMs ? { verdict: "ADMITTED", untilMs: expiresAtMs } : { verdict: "EXPIRED" };
}

/**
 * Why a hold on an on-sale show is refused. ENDED: the admission was genuine, but its shopper is
 * done (left the waiting room, or bought) — the hold script tells, from the event's ended
 * admissions, in the same round trip as the hold.
 */
export type AdmissionRefusal =
  | { outcome: "ADMISSION_REQUIRED"; eventId: string }
  | { outcome: "ADMISSION_REFUSED"; eventId: string; reason: "EXPIRED" | "NOT_YOURS" | "ENDED" };

/** A token that passed the signature check: the hold script still asks whether it was ended early. */
export interface Admission {
  outcome: "ADMITTED";
  eventId: string;
  untilMs: number;
}

/**
 * The admission an on-sale order buys with (`POST /orders`, no round trip): the caller's own, for
 * this event — past its window too, since a hold made inside it may be ordered after.
 */
export async function admissionBoughtWith(
  config: Config,
  input: { eventId: string; userId: string; token: string | undefined },
): Promise<AdmissionRefusal | Admission> {
  const { eventId } = input;
  const judged = await judgeAdmission(config, input.token, { ...input, nowMs: 0 });
  if (judged.verdict === "ADMITTED") return { outcome: "ADMITTED", eventId, untilMs: judged.untilMs };
  if (judged.verdict === "MISSING") return { outcome: "ADMISSION_REQUIRED", eventId };
  return { outcome: "ADMISSION_REFUSED", eventId, reason: "NOT_YOURS" };
}

/** The check `POST /holds` makes on a show of an on-sale event before Redis: no round trip. */
export async function admissionOf(
  config: Config,
  input: { eventId: string; userId: string; token: string | undefined; nowMs: number },
): Promise<AdmissionRefusal | Admission> {
  const { eventId } = input;
  const judged = await judgeAdmission(config, input.token, input);
  if (judged.verdict === "ADMITTED") return { outcome: "ADMITTED", eventId, untilMs: judged.untilMs };
  if (judged.verdict === "MISSING") return { outcome: "ADMISSION_REQUIRED", eventId };
  return { outcome: "ADMISSION_REFUSED", eventId, reason: judged.verdict };
}
