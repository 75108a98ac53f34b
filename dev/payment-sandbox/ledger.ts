/**
 * The sandbox's state and its transitions, as Stripe runs them: a Checkout Session is open until
 * it is paid (complete/paid, with a new PaymentIntent and Charge) or expired (by the API or when
 * `expires_at` passes); a declined card leaves it open. A refund is created `pending` (and counted
 * on the charge at once, so a second refund cannot exceed the rest), then `succeeded` or `failed`
 * after a delay (a failed refund gives its amount back to the charge). Every change is an event.
 */
import {
  type Charge,
  clone,
  invalid,
  type LineItem,
  type Metadata,
  missing,
  type PaymentIntent,
  type Refund,
  rupees,
  type SandboxEvent,
  type Session,
  StripeError,
  stripeId,
  unixNow,
} from "./objects.ts";

export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}

export interface NewSession {
  lines: { name: string; description: string | null; unitAmount: number; quantity: number }[];
  currency: string;
  clientReferenceId: string | null;
  metadata: Metadata;
  successUrl: string | null;
  cancelUrl: string | null;
  expiresAt: number | null;
  customerEmail: string | null;
}

export interface NewRefund {
  paymentIntent: string;
  amount: number | null;
  reason: string | null;
  metadata: Metadata;
}

export interface LedgerOptions {
  apiVersion: string;
  /** The sandbox's own URL, for each session's hosted page. */
  baseUrl: () => string;
  emit: (event: SandboxEvent) => void;
  endpointCount: () => number;
  now?: () => number;
}

const NO_REQUEST: RequestInfo = { id: null, idempotencyKey: null };
const DEFAULT_SESSION_SECONDS = 24 * 3600;

export class Ledger {
  readonly sessions = new Map<string, Session>();
  readonly lineItems = new Map<string, LineItem[]>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly events = new Map<string, SandboxEvent>();
  /** Declined payment attempts per session (the page shows the last one). */
  readonly declines = new Map<string, number>();
  refundDelayMs = 200;
  failNextRefunds = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;

  constructor(private readonly opts: LedgerOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Stripe sends no event for a new session. */
  createSession(input: NewSession): Session {
    const id = stripeId("cs_test_a1", 56);
    const created = unixNow(this.now());
    const lines = input.lines.map(
      (l): LineItem => ({
        id: stripeId("li_"),
        object: "item",
        amount_subtotal: l.unitAmount * l.quantity,
        amount_total: l.unitAmount * l.quantity,
        currency: input.currency,
        description: l.name,
        quantity: l.quantity,
        price: {
          id: stripeId("price_"),
          object: "price",
          currency: input.currency,
          product: stripeId("prod_", 14),
          unit_amount: l.unitAmount,
        },
      }),
    );
    const total = lines.reduce((sum, l) => sum + l.amount_total, 0);
    const session: Session = {
      id,
      object: "checkout.session",
      amount_subtotal: total,
      amount_total: total,
      cancel_url: input.cancelUrl,
      client_reference_id: input.clientReferenceId,
      created,
      currency: input.currency,
      customer_details: null,
      customer_email: input.customerEmail,
      expires_at: input.expiresAt ?? created + DEFAULT_SESSION_SECONDS,
      livemode: false,
      metadata: input.metadata,
      mode: "payment",
      payment_intent: null,
      payment_method_types: ["card"],
      payment_status: "unpaid",
      status: "open",
      success_url: input.successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: "hosted",
      url: `${this.opts.baseUrl()}/c/pay/${id}`,
    };
    this.sessions.set(id, session);
    this.lineItems.set(id, lines);
    return clone(session);
  }

  /** The session, expired first if its `expires_at` has passed (Stripe expires them on its own). */
  session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw missing("checkout.session", id);
    if (s.status === "open" && this.now() >= s.expires_at * 1000) this.expire(s, NO_REQUEST);
    return s;
  }

  paySession(id: string, request: RequestInfo = NO_REQUEST): Session {
    const s = this.session(id);
    if (s.status !== "open") throw notOpen(s, "paid");
    const created = unixNow(this.now());
    const charge: Charge = {
      id: stripeId("ch_"),
      object: "charge",
      amount: s.amount_total,
      amount_captured: s.amount_total,
      amount_refunded: 0,
      captured: true,
      created,
      currency: s.currency,
      livemode: false,
      paid: true,
      payment_intent: stripeId("pi_"),
      refunded: false,
      status: "succeeded",
    };
    const intent: PaymentIntent = {
      id: charge.payment_intent,
      object: "payment_intent",
      amount: s.amount_total,
      amount_received: s.amount_total,
      currency: s.currency,
      created,
      latest_charge: charge.id,
      metadata: {},
      status: "succeeded",
      livemode: false,
    };
    this.charges.set(charge.id, charge);
    this.paymentIntents.set(intent.id, intent);
    Object.assign(s, {
      status: "complete",
      payment_status: "paid",
      payment_intent: intent.id,
      url: null,
      customer_details: { email: s.customer_email ?? "customer@example.com" },
    });
    this.emit("checkout.session.completed", s, undefined, request);
    return clone(s);
  }

  /** A declined card: Stripe's page says so and the session stays open for another try. */
  declineSession(id: string): Session {
    const s = this.session(id);
    if (s.status !== "open") throw notOpen(s, "paid");
    this.declines.set(id, (this.declines.get(id) ?? 0) + 1);
    return clone(s);
  }

  expireSession(id: string, request: RequestInfo): Session {
    const s = this.session(id);
    if (s.status !== "open") throw notOpen(s, "expired");
    this.expire(s, request);
    return clone(s);
  }

  /** Expires every open session whose `expires_at` has passed; runs on a timer. */
  sweep(): void {
    for (const id of this.sessions.keys()) this.session(id);
  }

  createRefund(input: NewRefund, request: RequestInfo): Refund {
    const intent = this.paymentIntents.get(input.paymentIntent);
    if (!intent) throw missing("payment_intent", input.paymentIntent, "payment_intent");
    const charge = this.charges.get(intent.latest_charge) as Charge;
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) throw invalid(`Charge ${charge.id} has already been refunded.`, "charge_already_refunded");
    const amount = input.amount ?? remaining;
    if (amount > remaining)
      throw invalid(
        `Refund amount (${rupees(amount)}) is greater than unrefunded amount on charge (${rupees(remaining)})`,
        "amount_too_large",
        "amount",
      );
    const refund: Refund = {
      id: stripeId("re_"),
      object: "refund",
      amount,
      charge: charge.id,
      created: unixNow(this.now()),
      currency: charge.currency,
      failure_reason: null,
      metadata: input.metadata,
      payment_intent: intent.id,
      reason: input.reason,
      status: "pending",
    };
    const willFail = this.failNextRefunds > 0;
    if (willFail) this.failNextRefunds--;
    this.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.emit("refund.created", refund, undefined, request);
    this.emit("charge.refunded", charge, { amount_refunded: charge.amount_refunded - amount }, request);
    this.later(this.refundDelayMs, () => this.settleRefund(refund.id, willFail));
    return clone(refund);
  }

  refund(id: string): Refund {
    const r = this.refunds.get(id);
    if (!r) throw missing("refund", id);
    return r;
  }

  event(id: string): SandboxEvent {
    const e = this.events.get(id);
    if (!e) throw missing("event", id);
    return e;
  }

  /** Drops all objects and pending refund timers (switches are the caller's). */
  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const m of [this.sessions, this.lineItems, this.paymentIntents, this.charges, this.refunds, this.events])
      m.clear();
    this.declines.clear();
    this.failNextRefunds = 0;
  }

  /** Refunds still waiting to settle. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  private settleRefund(id: string, fail: boolean): void {
    const refund = this.refunds.get(id);
    if (refund?.status !== "pending") return;
    if (fail) {
      const charge = this.charges.get(refund.charge) as Charge;
      charge.amount_refunded -= refund.amount;
      charge.refunded = false;
      Object.assign(refund, { status: "failed", failure_reason: "expired_or_canceled_card" });
      this.emit("refund.updated", refund, { status: "pending", failure_reason: null });
      this.emit("refund.failed", refund);
    } else {
      refund.status = "succeeded";
      this.emit("refund.updated", refund, { status: "pending" });
    }
  }

  private expire(s: Session, request: RequestInfo): void {
    Object.assign(s, { status: "expired", url: null });
    this.emit("checkout.session.expired", s, undefined, request);
  }

  private emit(type: string, object: unknown, previous?: Record<string, unknown>, request = NO_REQUEST): void {
    const event: SandboxEvent = {
      id: stripeId("evt_"),
      object: "event",
      api_version: this.opts.apiVersion,
      created: unixNow(this.now()),
      data: previous ? { object: clone(object), previous_attributes: previous } : { object: clone(object) },
      livemode: false,
      pending_webhooks: this.opts.endpointCount(),
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    };
    this.events.set(event.id, event);
    this.opts.emit(event);
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}

function notOpen(s: Session, verb: "paid" | "expired"): StripeError {
  return new StripeError(
    400,
    "invalid_request_error",
    `This Checkout Session is ${s.status} and can no longer be ${verb}. A Checkout Session can be ${verb} only while its status is open.`,
    undefined,
    undefined,
    false,
  );
}
