import type { Config } from "../env";
import { log } from "../http/request-log";
import { type EmailTransport, PermanentEmailError } from "../jobs/email/transports";
import { EMAIL_CODE_SECONDS, renderSignInCodeEmail } from "./email-codes";
import { unseal } from "./secrets";

interface SignInCodeDeps {
  transport: () => { transport: EmailTransport; from: string };
  now: () => Date;
  config: () => Config;
  retryDelaySeconds: (attempts: number) => number;
}

/**
 * The email queue's consumer for a sign-in code: unseals address and code, and sends them unless the
 * code has expired meanwhile (a late code is only noise). Logs carry the message id and the outcome,
 * never the address or the code; a retried message may send the code twice, which is harmless.
 */
export async function sendSignInCode(
  message: Message<unknown>,
  sealed: string,
  deps: SignInCodeDeps,
): Promise<"sent" | "nothing-to-send" | "invalid" | "rejected" | "retry"> {
  const fields = { messageId: message.id, attempt: message.attempts, type: "auth.email-code" };
  try {
    const payload = await unseal(deps.config(), sealed, deps.now());
    if (typeof payload?.email !== "string" || typeof payload.code !== "string") {
      log("info", "email: nothing to send", { ...fields, reason: "code expired or unreadable", outcome: "invalid" });
      message.ack();
      return "invalid";
    }
    const { transport, from } = deps.transport();
    await transport.send({
      from,
      to: payload.email,
      ...renderSignInCodeEmail(payload.code, EMAIL_CODE_SECONDS / 60),
      idempotencyKey: `auth.email-code:${message.id}`,
    });
    log("info", "email sent", { ...fields, transport: transport.name, outcome: "sent" });
    message.ack();
    return "sent";
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    if (error instanceof PermanentEmailError) {
      log("error", "email refused by provider", { ...fields, error: name, outcome: "rejected" });
      message.ack();
      return "rejected";
    }
    const delaySeconds = deps.retryDelaySeconds(message.attempts);
    log("warn", "email failed, will retry", { ...fields, error: name, delaySeconds, outcome: "retry" });
    message.retry({ delaySeconds });
    return "retry";
  }
}
