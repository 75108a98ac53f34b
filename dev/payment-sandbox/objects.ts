/**
 * Stripe's object shapes for the subset the sandbox serves: Checkout Sessions, PaymentIntents and
 * their Charges, Refunds, Events, and Stripe's error body. Fields the worker never reads are kept
 * where they cost nothing, so a client sees what Stripe would send.
 */
import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `prefix` + random base62, e.g. `cs_test_a1…` (Stripe's ids are opaque; only the prefix means something). */
export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

export type Metadata = Record<string, string>;

export interface LineItem {
  id: string;
  object: "item";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  description: string;
  quantity: number;
  price: { id: string; object: "price"; currency: string; product: string; unit_amount: number };
}

export interface Session {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer_details: { email: string | null } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: "paid" | "unpaid";
  status: "open" | "complete" | "expired";
  success_url: string | null;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  ui_mode: "hosted";
  url: string | null;
}

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  created: number;
  latest_charge: string;
  metadata: Metadata;
  status: "succeeded";
  livemode: false;
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: true;
  created: number;
  currency: string;
  livemode: false;
  paid: true;
  payment_intent: string;
  refunded: boolean;
  status: "succeeded";
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  failure_reason: string | null;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: "pending" | "succeeded" | "failed";
}

export interface SandboxEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** An error as Stripe answers it: HTTP status plus `{ error: { type, code, message, param } }`. */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
    /** Validation errors happen before an endpoint runs; Stripe stores no idempotent result for them. */
    readonly beforeExecution = true,
  ) {
    super(message);
  }

  body(requestId: string): unknown {
    return {
      error: {
        ...(this.code
          ? { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code.replaceAll("_", "-")}` }
          : {}),
        message: this.message,
        ...(this.param ? { param: this.param } : {}),
        request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
        type: this.type,
      },
    };
  }
}

export const invalid = (message: string, code?: string, param?: string) =>
  new StripeError(400, "invalid_request_error", message, code, param);

/** An unknown id: 404 when it is the URL's, 400 when a parameter names it (as Stripe answers). */
export const missing = (kind: string, id: string, param = "id") =>
  new StripeError(
    param === "id" ? 404 : 400,
    "invalid_request_error",
    `No such ${kind}: '${id}'`,
    "resource_missing",
    param,
  );

/** Rupees for messages, as Stripe formats amounts ("₹250.00"). */
export const rupees = (paise: number) => `₹${(paise / 100).toFixed(2)}`;

export const clone = <T>(value: T): T => structuredClone(value);
export const unixNow = (nowMs: number) => Math.floor(nowMs / 1000);
