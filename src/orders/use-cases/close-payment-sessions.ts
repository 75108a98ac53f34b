import type { Deps } from "../../deps";
import { log } from "../../http/request-log";
import { StripeApiError } from "../../payments/stripe-client";
import { markSessionsClosed, sessionsToClose } from "../payment-store";

/** Sessions closed per cron run; the rest wait for the next minute. */
const BATCH = 50;

/**
 * Run by the cron: the provider session of every order that can no longer be paid (expired,
 * cancelled) is expired at the provider, so the customer's open checkout page stops taking money.
 * A session that is already closed there (paid, expired) counts as closed; a failed call is left
 * for the next run. Money that still arrives meanwhile is the late-payment path of confirmPayment.
 */
export async function closePaymentSessions(deps: Pick<Deps, "db" | "payments">) {
  const open = await sessionsToClose(deps.db, BATCH);
  const closed = await Promise.all(open.map((s) => closeAtProvider(deps, s.orderId, s.sessionId)));
  const ids = open.filter((_, i) => closed[i]).map((s) => s.orderId);
  await markSessionsClosed(deps.db, ids);
  return { sessionsClosed: ids.length, sessionsLeft: open.length - ids.length };
}

/** Expires one session at the provider; true when it is no longer open there. */
export async function closeAtProvider(deps: Pick<Deps, "payments">, orderId: string, sessionId: string) {
  try {
    await deps.payments.expireCheckoutSession(sessionId);
    return true;
  } catch (error) {
    // 400: not open any more (paid or already expired); 404: the provider has no such session.
    if (error instanceof StripeApiError && (error.status === 400 || error.status === 404)) return true;
    log("warn", "payment session not closed; the next cron run retries", { orderId, error: String(error) });
    return false;
  }
}
