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

export type AdmissionVerdict = "ADMITTED" | "MISSING" | "EXPIRED" | "NOT_YOURS";

/** Whether `token` admits this user to this event now (NOT_YOURS: someone else's, or not ours at all). */
export async function judgeAdmission(
  config: Config,
  token: string | undefined,
  admission: { eventId: string; userId: string; nowMs: number },
): Promise<AdmissionVerdict> {
  if (!token) return "MISSING";
  const match = /^(\d{1,15})\.([0-9a-f]{64})$/.exec(token);
  if (!match) return "NOT_YOURS";
  const expiresAtMs = Number(match[1]);
  const expected = await macOf(config, admission.eventId, admission.userId, expiresAtMs);
  // Both are hex of the same length; compared in full so the time says nothing about the match.
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (match[2] ?? "").charCodeAt(i);
  if (diff !== 0) return "NOT_YOURS";
  return expiresAtMs > admission.nowMs ? "ADMITTED" : "EXPIRED";
}

/** Why a hold on an on-sale show is refused (none: the caller is admitted). */
export type AdmissionRefusal =
  | { outcome: "ADMISSION_REQUIRED"; eventId: string }
  | { outcome: "ADMISSION_REFUSED"; eventId: string; reason: "EXPIRED" | "NOT_YOURS" };

/** The check `POST /holds` makes on a show of an on-sale event: no round trip. */
export async function admissionRefusal(
  config: Config,
  input: { eventId: string; userId: string; token: string | undefined; nowMs: number },
): Promise<AdmissionRefusal | undefined> {
  const { eventId } = input;
  const verdict = await judgeAdmission(config, input.token, input);
  if (verdict === "ADMITTED") return undefined;
  if (verdict === "MISSING") return { outcome: "ADMISSION_REQUIRED", eventId };
  return { outcome: "ADMISSION_REFUSED", eventId, reason: verdict };
}
