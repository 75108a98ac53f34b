import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { describeRoute, errorResponses, jsonResponse, type RouteDoc, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { noteOnRequestLog } from "../http/request-log";
import { handleStripeEvent, type StripeEventOutcome } from "./use-cases/handle-stripe-event";

/** What the webhook answers for each event it refuses: a 4xx stops Stripe's retries, a 5xx asks for them. */
const refusedEvent = refusals<Refused<StripeEventOutcome, "HANDLED" | "IGNORED" | "DUPLICATE">>({
  SIGNATURE_INVALID: ({ reason }) => ["WEBHOOK_SIGNATURE_INVALID", "The Stripe-Signature does not verify", { reason }],
  EVENT_MISMATCH: ({ reason }) => ["WEBHOOK_EVENT_MISMATCH", reason],
  EVENT_ID_REUSED: ["WEBHOOK_EVENT_REUSED", "This event id was already handled as another event"],
  ORDER_NOT_FOUND: ["ORDER_NOT_FOUND", "The session names no order of ours"],
  NOT_PAID: ["PAYMENT_NOT_PAID", "The provider says this session is not paid"],
  AMOUNT_MISMATCH: ["PAYMENT_AMOUNT_MISMATCH", "The paid amount is not the order's amount"],
  PROVIDER_UNAVAILABLE: ["PAYMENT_PROVIDER_UNAVAILABLE", "The payment provider did not answer; deliver again"],
});

const receivedSchema = z.object({ received: z.literal(true), duplicate: z.optional(z.boolean()) });

const webhookDoc = {
  tags: ["Payments"],
  summary: "Stripe's webhook: the only way an order is confirmed or its refund updated",
  description:
    "Verifies Stripe-Signature over the raw body (5-minute tolerance), fetches the session or refund back from Stripe, and acts once per event id. 2xx only once the event is durably handled; 5xx makes Stripe deliver it again.",
  responses: {
    200: jsonResponse("Handled (or a duplicate, or a type not acted on)", receivedSchema),
    ...errorResponses(
      "WEBHOOK_SIGNATURE_INVALID",
      "WEBHOOK_EVENT_MISMATCH",
      "ORDER_NOT_FOUND",
      "PAYMENT_NOT_PAID",
      "PAYMENT_AMOUNT_MISMATCH",
      "WEBHOOK_EVENT_REUSED",
      "PAYMENT_PROVIDER_UNAVAILABLE",
      "SERVICE_UNAVAILABLE",
    ),
  },
} satisfies RouteDoc;

export const paymentRoutes = new Hono<AppEnv>().post(
  "/payments/stripe/webhook",
  ROUTE_DOCS ? describeRoute(webhookDoc) : undocumented,
  async (c) => {
    const receivedAt = new Date();
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const deps = depsOf(c);
    const result = await handleStripeEvent(deps, {
      rawBody,
      signature: c.req.header("stripe-signature") ?? null,
      receivedAt,
    });
    if (result.outcome === "HANDLED" || result.outcome === "IGNORED") return c.json({ received: true as const }, 200);
    if (result.outcome === "DUPLICATE") return c.json({ received: true as const, duplicate: true }, 200);
    // A refused delivery is what a rotated signing secret or a forged request looks like: logged
    // once (on the access line, with the request id) and counted (docs/OPERATIONS.md: runbooks).
    const refusal = refusedEvent(result);
    noteOnRequestLog(c, "warn", {
      webhookRefused: result.outcome,
      code: refusal.code,
      ...("reason" in result ? { reason: result.reason } : {}),
    });
    deps.metrics.record({ event: "webhook.refused", reason: result.outcome, status: refusal.status });
    throw refusal;
  },
);
