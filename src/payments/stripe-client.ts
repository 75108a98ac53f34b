/**
 * The worker's Stripe client: the five calls a Checkout flow needs, over `fetch`, in Stripe's own
 * wire format (form-encoded bodies with nested keys, `Authorization: Bearer sk_…`, `Stripe-Version`,
 * `Idempotency-Key`). Not the official `stripe` package: in a worker it alone bundles to ~86 KiB
 * gzipped (measured, with hono: 735 KiB raw), half of the 180 KiB budget, for five HTTP calls.
 * Nothing happens at import; every call is explicit. No automatic retries: the caller retries
 * with the same idempotency key (a queue redelivery, the next cron run).
 */
import { encodeStripeForm, type FormValue } from "./form-encoding.ts";
import type {
  CheckoutSession,
  CreateCheckoutSessionParams,
  CreateRefundParams,
  Refund,
  StripeEvent,
} from "./stripe-types.ts";

export { type SignatureFailure, type SignatureOutcome, verifyStripeSignature } from "./stripe-signature.ts";
export type * from "./stripe-types.ts";

/** The API version this code was written against (pinned, so Stripe never changes shapes under it). */
export const STRIPE_API_VERSION = "2026-10-28.endive";

export interface StripeClientConfig {
  secretKey: string;
  /** Default https://api.stripe.com; locally the payment sandbox. */
  apiBase?: string;
  fetch?: typeof fetch;
  /** Abandon a call after this long (default 10 s); surfaces as `api_connection_error`. */
  timeoutMs?: number;
}

/** A Stripe error answer (`{ error: { type, code, message } }`), or a call that got no answer (status 0). */
export class StripeApiError extends Error {
  override readonly name = "StripeApiError";
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string | null,
    message: string,
    readonly param: string | null = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** Worth retrying with the same idempotency key: no answer, a conflict in flight, rate limit, 5xx. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 409 || this.status === 429 || this.status >= 500;
  }
}

export interface StripeClient {
  createCheckoutSession(
    params: CreateCheckoutSessionParams,
    opts: { idempotencyKey: string },
  ): Promise<CheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<CheckoutSession>;
  expireCheckoutSession(id: string, opts?: { idempotencyKey?: string }): Promise<CheckoutSession>;
  createRefund(params: CreateRefundParams, opts: { idempotencyKey: string }): Promise<Refund>;
  retrieveRefund(id: string): Promise<Refund>;
  retrieveEvent(id: string): Promise<StripeEvent>;
}

export function createStripeClient(config: StripeClientConfig): StripeClient {
  const base = (config.apiBase ?? "https://api.stripe.com").replace(/\/+$/, "");
  const doFetch = config.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function call<T>(
    method: "GET" | "POST",
    path: string,
    expectObject: string,
    body?: Record<string, FormValue>,
    idempotencyKey?: string,
  ): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${config.secretKey}`,
      "Stripe-Version": STRIPE_API_VERSION,
    };
    if (method === "POST") headers["Content-Type"] = "application/x-www-form-urlencoded";
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: method === "POST" ? encodeStripeForm(body ?? {}) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new StripeApiError(0, "api_connection_error", null, `No answer from Stripe (${method} ${path}): ${why}`);
    }
    const requestId = res.headers.get("request-id");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (!res.ok) {
      const e = (json as { error?: Record<string, unknown> } | null)?.error ?? {};
      const str = (v: unknown) => (typeof v === "string" ? v : null);
      throw new StripeApiError(
        res.status,
        str(e.type) ?? "api_error",
        str(e.code),
        str(e.message) ?? `Stripe answered HTTP ${res.status}`,
        str(e.param),
        requestId,
      );
    }
    const obj = json as { object?: unknown; id?: unknown } | null;
    if (obj?.object !== expectObject || typeof obj.id !== "string") {
      throw new StripeApiError(
        res.status,
        "api_error",
        null,
        `Unexpected answer to ${method} ${path}`,
        null,
        requestId,
      );
    }
    return json as T;
  }

  const id = (value: string) => encodeURIComponent(value);

  return {
    createCheckoutSession(p, opts) {
      const currency = p.currency ?? "inr";
      return call(
        "POST",
        "/v1/checkout/sessions",
        "checkout.session",
        {
          mode: "payment",
          line_items: p.lines.map((line) => ({
            price_data: {
              currency,
              unit_amount: line.unitAmount,
              product_data: { name: line.name, description: line.description },
            },
            quantity: line.quantity,
          })),
          client_reference_id: p.clientReferenceId,
          metadata: p.metadata,
          success_url: p.successUrl,
          cancel_url: p.cancelUrl,
          expires_at: p.expiresAt,
          customer_email: p.customerEmail,
        },
        opts.idempotencyKey,
      );
    },
    retrieveCheckoutSession: (sessionId) => call("GET", `/v1/checkout/sessions/${id(sessionId)}`, "checkout.session"),
    expireCheckoutSession: (sessionId, opts) =>
      call("POST", `/v1/checkout/sessions/${id(sessionId)}/expire`, "checkout.session", {}, opts?.idempotencyKey),
    createRefund: (p, opts) =>
      call(
        "POST",
        "/v1/refunds",
        "refund",
        { payment_intent: p.paymentIntent, amount: p.amount, reason: p.reason, metadata: p.metadata },
        opts.idempotencyKey,
      ),
    retrieveRefund: (refundId) => call("GET", `/v1/refunds/${id(refundId)}`, "refund"),
    retrieveEvent: (eventId) => call("GET", `/v1/events/${id(eventId)}`, "event"),
  };
}
