import type { Deps } from "../../deps";
import { storeEmailCode } from "../accounts-store";
import { EMAIL_CODE_SECONDS, emailCodeHash, newEmailCode } from "../email-codes";
import { seal } from "../secrets";

export type StartEmailSignInOutcome = { outcome: "CODE_SENT"; expiresInSeconds: number };

/**
 * Sends a fresh sign-in code to the address (replacing any earlier one). Known address or not, the
 * answer is the same — an unknown address simply becomes an account when its code is entered — so
 * nothing here tells who has an account. The code goes to the queue sealed: the queue, its
 * dead-letter queue and their dashboards never hold it readable.
 */
export async function startEmailSignIn(deps: Deps, input: { email: string }): Promise<StartEmailSignInOutcome> {
  const code = newEmailCode();
  const expiresAt = new Date(deps.clock.now().getTime() + EMAIL_CODE_SECONDS * 1000);
  await storeEmailCode(deps.db, {
    email: input.email,
    codeHash: await emailCodeHash(deps.config, input.email, code),
    expiresAt,
  });
  const sealed = await seal(deps.config, { email: input.email, code }, expiresAt);
  await deps.queue.send({ type: "auth.email-code", sealed });
  return { outcome: "CODE_SENT", expiresInSeconds: EMAIL_CODE_SECONDS };
}
