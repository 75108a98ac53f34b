/**
 * The test switches and views under `/__sandbox/…` (JSON, no key: the sandbox listens on loopback
 * only). Not part of Stripe's API; see the README's "Payments sandbox" section.
 */
import type { Ledger } from "./ledger.ts";
import { StripeError } from "./objects.ts";
import { type DeliverySwitches, type Endpoint, signPayload, type WebhookDispatcher } from "./webhooks.ts";

export interface ControlContext {
  ledger: Ledger;
  webhooks: WebhookDispatcher;
  webhookSecret: string;
  settings: { minSessionSeconds: number };
  reset(): void;
}

type Json = Record<string, unknown>;
export class ControlError extends Error {}

export function control(
  ctx: ControlContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Json,
): unknown {
  const { ledger, webhooks } = ctx;
  const parts = path.split("/").filter(Boolean).slice(1); // drop "__sandbox"
  const route = `${method} /${parts.map((p, i) => (i === 1 && parts[0] !== "webhooks" ? ":id" : p)).join("/")}`;
  const id = parts[1] ?? "";
  switch (route) {
    case "GET /":
    case "GET /switches":
      return state(ctx);
    case "POST /switches":
      applySwitches(ctx, body);
      return state(ctx);
    case "POST /webhooks":
      webhooks.endpoints = endpointsFrom(body, ctx.webhookSecret);
      return state(ctx);
    case "POST /webhooks/flush":
      return { released: webhooks.flush() };
    case "POST /reset":
      ctx.reset();
      return state(ctx);
    case "POST /sessions/:id/pay":
      return ledger.paySession(id);
    case "POST /sessions/:id/decline":
      return ledger.declineSession(id);
    case "GET /sessions":
      ledger.sweep();
      return { data: [...ledger.sessions.values()] };
    case "GET /refunds":
      return { data: [...ledger.refunds.values()] };
    case "GET /events":
      return { data: [...ledger.events.values()] };
    case "GET /events/:id/signed": {
      // For a receiver the sandbox cannot reach (a worker under test in workerd): the exact bytes and
      // header Stripe would send, freshly signed with the sandbox's secret.
      const payload = JSON.stringify(ledger.event(id), null, 2);
      return { payload, signature: signPayload(payload, ctx.webhookSecret) };
    }
    case "GET /deliveries": {
      const event = query.get("event");
      return { data: webhooks.attempts.filter((a) => !event || a.eventId === event), pending: webhooks.pending };
    }
    default:
      throw new StripeError(404, "invalid_request_error", `No sandbox control route ${method} ${path}`);
  }
}

function state(ctx: ControlContext) {
  return {
    endpoints: ctx.webhooks.endpoints.map((e) => ({ url: e.url, events: e.events })),
    switches: {
      ...ctx.webhooks.switches,
      refundDelayMs: ctx.ledger.refundDelayMs,
      failNextRefunds: ctx.ledger.failNextRefunds,
      minSessionSeconds: ctx.settings.minSessionSeconds,
    },
    counts: {
      sessions: ctx.ledger.sessions.size,
      refunds: ctx.ledger.refunds.size,
      events: ctx.ledger.events.size,
      deliveryAttempts: ctx.webhooks.attempts.length,
      pendingDeliveries: ctx.webhooks.pending,
    },
  };
}

function applySwitches(ctx: ControlContext, body: Json): void {
  const s: Partial<DeliverySwitches> = {};
  for (const key of ["delayMs", "copies", "reorderNext", "dropNext", "timeoutMs"] as const) {
    if (body[key] !== undefined) s[key] = count(body[key], key, key === "copies" ? 1 : 0);
  }
  if (body.dropMode !== undefined) {
    if (body.dropMode !== "request" && body.dropMode !== "response")
      throw new ControlError('dropMode must be "request" or "response"');
    s.dropMode = body.dropMode;
  }
  if (body.retryDelaysMs !== undefined) {
    if (!Array.isArray(body.retryDelaysMs)) throw new ControlError("retryDelaysMs must be an array of milliseconds");
    s.retryDelaysMs = body.retryDelaysMs.map((v) => count(v, "retryDelaysMs"));
  }
  const refundDelayMs = body.refundDelayMs === undefined ? undefined : count(body.refundDelayMs, "refundDelayMs");
  const failNext = body.failNextRefunds === undefined ? undefined : count(body.failNextRefunds, "failNextRefunds");
  const minSession =
    body.minSessionSeconds === undefined ? undefined : count(body.minSessionSeconds, "minSessionSeconds");
  // Validated all first, so a bad request changes nothing.
  Object.assign(ctx.webhooks.switches, s);
  if (refundDelayMs !== undefined) ctx.ledger.refundDelayMs = refundDelayMs;
  if (failNext !== undefined) ctx.ledger.failNextRefunds = failNext;
  if (minSession !== undefined) ctx.settings.minSessionSeconds = minSession;
}

export function endpointsFrom(body: Json, defaultSecret: string): Endpoint[] {
  const list = Array.isArray(body.endpoints) ? body.endpoints : body.url !== undefined ? [body] : null;
  if (!list) throw new ControlError("expected { url, secret?, events? } or { endpoints: [...] }");
  return list.map((e: Json) => {
    if (typeof e?.url !== "string" || !URL.canParse(e.url)) throw new ControlError("each endpoint needs a url");
    if (e.secret !== undefined && typeof e.secret !== "string") throw new ControlError("secret must be a string");
    const events = e.events === undefined ? ["*"] : e.events;
    if (!Array.isArray(events) || !events.every((t) => typeof t === "string"))
      throw new ControlError("events must be an array of event types");
    return { url: e.url, secret: (e.secret as string | undefined) ?? defaultSecret, events };
  });
}

function count(v: unknown, name: string, min = 0): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min)
    throw new ControlError(`${name} must be an integer ≥ ${min}`);
  return v;
}
