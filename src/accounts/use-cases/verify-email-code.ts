import type { Deps } from "../../deps";
import { tryEmailCode, userOfVerifiedEmail } from "../accounts-store";
import { EMAIL_CODE_MAX_TRIES, emailCodeHash } from "../email-codes";
import { type NewSession, startSession } from "../session-start";

export type VerifyEmailCodeOutcome = { outcome: "SIGNED_IN"; session: NewSession } | { outcome: "CODE_INVALID" };

/**
 * One try at a sign-in code. Wrong, expired, used, out of tries or never sent all answer the same.
 * The right code proves the address: its account (new if need be) gets a session.
 */
export async function verifyEmailCode(
  deps: Deps,
  input: { email: string; code: string; device: string | null },
): Promise<VerifyEmailCodeOutcome> {
  const attempt = await tryEmailCode(deps.db, {
    email: input.email,
    codeHash: await emailCodeHash(deps.config, input.email, input.code),
    now: deps.clock.now(),
    maxAttempts: EMAIL_CODE_MAX_TRIES,
  });
  if (!attempt?.matched) return { outcome: "CODE_INVALID" };
  const user = await userOfVerifiedEmail(deps.db, input.email, null);
  return {
    outcome: "SIGNED_IN",
    session: await startSession(deps, { userId: user.id, method: "email", device: input.device }),
  };
}
