import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app-env";
import { describeRoute, errorResponses, jsonResponse } from "../http/openapi-doc";
import { clientAddress, rateLimit } from "../http/rate-limit";
import { issueGuestToken } from "./identity";

const guestTokenSchema = z.object({ token: z.string(), userId: z.string(), expiresAt: z.iso.datetime() });

export const authRoutes = new Hono<AppEnv>().post(
  "/auth/guest",
  describeRoute({
    tags: ["Identity"],
    summary: "A short-lived guest identity (JWT) for visitors who have not signed in",
    responses: {
      201: jsonResponse("Send the token as `Authorization: Bearer <token>`", guestTokenSchema),
      // A body is not read, but one that is cut off is still answered (by the body reader).
      ...errorResponses("BAD_REQUEST"),
    },
  }),
  rateLimit("GUEST_RATE_LIMITER", clientAddress),
  async (c) => c.json(await issueGuestToken(c.var.config), 201, { "Cache-Control": "no-store" }),
);
