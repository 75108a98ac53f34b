import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, errorResponse, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals, unreachable } from "../http/refusals";
import { validate } from "../http/validate";
import { backendDown, signedInWrite } from "./route-docs";
import { claimedSchema, claimGuestBody, sessionSchema, signedOutSchema } from "./schemas";
import { clearSessionCookies, sessionCallerOf } from "./session-auth";
import { requireSession } from "./session-middleware";
import { type ClaimGuestOrdersOutcome, claimGuestOrders } from "./use-cases/claim-guest-orders";
import { readSession } from "./use-cases/read-session";
import { signOut, signOutEverywhere } from "./use-cases/sign-out";

const refusedClaim = refusals<Refused<ClaimGuestOrdersOutcome, "CLAIMED">>({
  NOT_A_GUEST_TOKEN: ["BAD_REQUEST", "guestToken is not a valid, unexpired guest token"],
  NOT_AN_ACCOUNT: ["UNAUTHENTICATED", "Sign in to an account first"],
  CLAIMED_BY_ANOTHER_ACCOUNT: ["GUEST_CLAIMED", "This guest's bookings already went to another account"],
});

const sessionDoc = ROUTE_DOCS
  ? describeRoute({
      tags: ["Accounts"],
      summary: "Who is signed in on this device, and the CSRF token for signed-in writes",
      responses: {
        ...backendDown,
        200: jsonResponse("Signed in or not", sessionSchema),
      },
    })
  : undocumented;

export const sessionRoutes = new Hono<AppEnv>()
  .get("/auth/session", sessionDoc, async (c) => {
    const result = await readSession(depsOf(c), { session: await sessionCallerOf(c) });
    switch (result.outcome) {
      case "SIGNED_IN": {
        const { outcome: _, ...who } = result;
        return c.json({ signedIn: true as const, ...who }, 200, noStore);
      }
      case "SIGNED_OUT":
        return c.json({ signedIn: false as const }, 200, noStore);
      default:
        return unreachable(result);
    }
  })
  .post(
    "/auth/signout",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Sign out this device (its session is revoked server-side)",
          responses: {
            ...backendDown,
            200: jsonResponse("Signed out; the cookies are cleared", signedOutSchema),
            ...signedInWrite,
          },
        })
      : undocumented,
    requireSession,
    async (c) => {
      const result = await signOut(depsOf(c), { sessionId: c.var.session.sessionId });
      clearSessionCookies(c);
      return c.json({ status: result.outcome, revokedSessions: result.revoked }, 200, noStore);
    },
  )
  .post(
    "/auth/signout-everywhere",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Sign out every device; others stop within SESSION_ACCESS_SECONDS",
          responses: { 200: jsonResponse("Every session revoked", signedOutSchema), ...signedInWrite },
        })
      : undocumented,
    requireSession,
    async (c) => {
      const result = await signOutEverywhere(depsOf(c), { userId: c.var.session.userId });
      clearSessionCookies(c);
      return c.json({ status: result.outcome, revokedSessions: result.revoked }, 200, noStore);
    },
  )
  .post(
    "/auth/claim-guest",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Move a guest token's orders and named live holds to the signed-in account (atomic, once)",
          responses: {
            200: jsonResponse("How many orders and holds moved", claimedSchema),
            400: errorResponse("`BAD_REQUEST`: not a valid guest token of this API"),
            409: errorResponse(
              "`GUEST_CLAIMED`: another account claimed this guest token first (its bookings are there)",
            ),
            ...signedInWrite,
          },
        })
      : undocumented,
    requireSession,
    validate("json", claimGuestBody),
    async (c) => {
      const result = await claimGuestOrders(depsOf(c), { userId: c.var.session.userId, ...c.req.valid("json") });
      if (result.outcome !== "CLAIMED") throw refusedClaim(result);
      return c.json({ movedOrders: result.movedOrders, movedHolds: result.movedHolds }, 200, noStore);
    },
  );
