import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { clientAddress, LOCAL_ADDRESS, rateLimit } from "../http/rate-limit";
import { guestIssuance } from "./guest-issuance";
import { issueGuestToken } from "./identity";

const guestTokenSchema = z.object({ token: z.string(), userId: z.string(), expiresAt: z.iso.datetime() });

export const authRoutes = new Hono<AppEnv>().post(
  "/auth/guest",
  ROUTE_DOCS
    ? describeRoute({
        tags: ["Identity"],
        summary: "A short-lived guest identity (JWT) for visitors who have not signed in",
        responses: {
          201: jsonResponse("Send the token as `Authorization: Bearer <token>`", guestTokenSchema),
          // A body is not read, but one that is cut off is still answered (by the body reader).
          ...errorResponses("BAD_REQUEST", "RATE_LIMITED", "SERVICE_UNAVAILABLE"),
        },
      })
    : undocumented,
  rateLimit("GUEST_RATE_LIMITER", clientAddress),
  async (c) => {
    // Bulk costs more: past the free ones, each token from this address waits twice as long.
    // Without Cloudflare in front (local development, tests) there is no address to slow down.
    const address = clientAddress(c);
    const issuance =
      address === LOCAL_ADDRESS
        ? { outcome: "ISSUE" as const }
        : await guestIssuance(c.var.config, address, Date.now());
    if (issuance.outcome === "WAIT")
      throw new ApiError(
        "RATE_LIMITED",
        `Too many guest sessions from your network; try again in ${issuance.seconds} s`,
        { retryAfterSeconds: issuance.seconds },
        { "Retry-After": String(issuance.seconds) },
      );
    return c.json(await issueGuestToken(c.var.config), 201, { "Cache-Control": "no-store" });
  },
);
