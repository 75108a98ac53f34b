/**
 * The parts of Stripe's objects a Checkout flow reads, as the API (version `STRIPE_API_VERSION`)
 * returns them. Stripe sends more fields; these are the ones the worker may rely on.
 */
export type Metadata = Record<string, string>;

export interface CheckoutSession {
  id: string;
  object: "checkout.session";
  mode: "payment" | "setup" | "subscription";
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid" | "no_payment_required";
  /** Null until the customer pays: Stripe creates the PaymentIntent when the session is confirmed. */
  payment_intent: string | null;
  amount_subtotal: number | null;
  amount_total: number | null;
  currency: string | null;
  client_reference_id: string | null;
  metadata: Metadata;
  /** The hosted page; null once the session is complete or expired. */
  url: string | null;
  success_url: string | null;
  cancel_url: string | null;
  /** Unix seconds. */
  created: number;
  expires_at: number;
  livemode: boolean;
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  charge: string | null;
  payment_intent: string | null;
  status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
  failure_reason: string | null;
  reason: string | null;
  metadata: Metadata;
  created: number;
}

export interface StripeEvent<T = Record<string, unknown>> {
  id: string;
  object: "event";
  type: string;
  api_version: string | null;
  created: number;
  data: { object: T; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks?: number;
  request?: { id: string | null; idempotency_key: string | null } | null;
}

/** One Checkout line: an ad-hoc price (no Stripe Product needed), amounts in paise. */
export interface CheckoutLine {
  name: string;
  description?: string;
  unitAmount: number;
  quantity: number;
}

export interface CreateCheckoutSessionParams {
  lines: CheckoutLine[];
  /** ISO code, lower case; a Checkout flow here is INR only. */
  currency?: "inr";
  clientReferenceId: string;
  metadata?: Metadata;
  /** `{CHECKOUT_SESSION_ID}` in it is replaced by Stripe with the session's id. */
  successUrl: string;
  cancelUrl: string;
  /** Unix seconds; Stripe accepts 30 minutes to 24 hours after creation (default 24 hours). */
  expiresAt?: number;
  customerEmail?: string;
}

export interface CreateRefundParams {
  paymentIntent: string;
  /** Paise; the whole remaining amount when left out. */
  amount?: number;
  reason?: "duplicate" | "fraudulent" | "requested_by_customer";
  metadata?: Metadata;
}
