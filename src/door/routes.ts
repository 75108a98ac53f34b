import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { orderIdParam } from "../orders/schemas";
import { checkinRoutes } from "./checkin-routes";
import { ticketKeyringOf } from "./ticket-token";
import { issueTicket } from "./use-cases/issue-ticket";

const ticketSchema = z
  .object({
    token: z.string().check(z.describe("The signed ticket token the QR code carries (docs/TICKETS.md)")),
    ticketCode: z.string().check(z.describe("The short code for typing, e.g. BMS30F12E2E")),
    keyId: z.number().check(z.int(), z.describe("The kid of the key that signed it")),
  })
  .check(z.meta({ id: "Ticket" }));

const doorKeysSchema = z
  .object({
    keys: z.array(
      z.object({
        kid: z.string(),
        kty: z.literal("OKP"),
        crv: z.literal("Ed25519"),
        x: z.string(),
        notAfter: z.iso.datetime().check(z.describe("Tickets signed by this key are refused after this moment")),
      }),
    ),
  })
  .check(z.meta({ id: "DoorKeys" }));

/** Compile-time check that a switch over outcomes is exhaustive. */
const unreachable = (outcome: never): never => {
  throw new Error(`unhandled outcome ${JSON.stringify(outcome)}`);
};

export const doorRoutes = new Hono<AppEnv>()
  .get(
    "/orders/:orderId/ticket",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Door"],
          summary: "The signed ticket of the caller's confirmed order: the QR code's token and the short code",
          description:
            "Signed on each call with the current key (Ed25519, deterministic: the same order and key give the same token). One database read.",
          responses: {
            200: jsonResponse("The ticket", ticketSchema),
            ...errorResponses("VALIDATION_FAILED", "ORDER_NOT_FOUND", "NO_TICKET", "SERVICE_UNAVAILABLE"),
          },
        })
      : undocumented,
    requireUser,
    validate("param", orderIdParam),
    async (c) => {
      const result = await issueTicket(depsOf(c), { orderId: c.req.valid("param").orderId, userId: c.var.userId });
      switch (result.outcome) {
        case "ISSUED": {
          const { token, ticketCode, keyId } = result;
          return c.json({ token, ticketCode, keyId }, 200, { "Cache-Control": "private, no-store" });
        }
        case "ORDER_NOT_FOUND":
          throw new ApiError("ORDER_NOT_FOUND", "No such order");
        case "NO_TICKET":
          throw new ApiError("NO_TICKET", "This order has no ticket: it is not confirmed", { status: result.status });
        default:
          return unreachable(result);
      }
    },
  )
  .get(
    "/door/keys",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Door"],
          summary: "The public keys that verify ticket tokens, for scanners that check tickets offline",
          description: "A JWK set (RFC 8037 Ed25519 keys) with each key's notAfter. Public; no backend is read.",
          responses: { 200: jsonResponse("The keys", doorKeysSchema) },
        })
      : undocumented,
    async (c) => {
      const { publicKeys } = await ticketKeyringOf(c.var.config.TICKET_SIGNING_KEYS);
      // Scanners refresh before doors open; a rotated key reaches them within the hour.
      return c.json({ keys: publicKeys }, 200, { "Cache-Control": "public, max-age=300, stale-if-error=86400" });
    },
  )
  .route("/", checkinRoutes);
