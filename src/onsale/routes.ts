import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOfEnv } from "../deps";
import { uuidParam } from "../domain/ids";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { rateLimit } from "../http/rate-limit";
import { validate } from "../http/validate";
import { queueViewSchema } from "../shared/onsale";
import { queueStoreOf } from "./queue-store";
import { joinQueue, leaveQueue, type OnsaleDeps } from "./use-cases/join-queue";

type UserEnv = AppEnv & { Variables: { userId: string } };

const eventParam = z.object({ eventId: uuidParam("eventId") });
const onsaleDeps = (c: { env: Env; var: AppEnv["Variables"] }): OnsaleDeps => {
  const deps = depsOfEnv(c.env, c.var.config);
  return { ...deps, waitingRoom: queueStoreOf(deps.config) };
};
// The queue page polls itself every few seconds: a budget per visitor, as the seat map has per address.
const queueRateLimit = rateLimit<UserEnv>("SEATMAP_RATE_LIMITER", (c) => `onsale:${c.var.userId}`);

const joinQueueDoc = ROUTE_DOCS
  ? describeRoute({
      tags: ["On-sale"],
      summary: "Join the event's waiting room, or ask where you stand (the same call; one Redis round trip)",
      description:
        "Before opening you are in the pre-queue: at opening everyone in it stands in an order drawn at random (coming early gives no edge); later arrivals queue in arrival order behind them. Admission is at the event's rate and within its cap of shoppers at once; admitted, you get a token bound to you and the event, valid ONSALE_ADMISSION_SECONDS: send it as the Admission-Token header with POST /holds. Poll again after `pollAfterSeconds`.",
      responses: {
        200: jsonResponse("Where you stand", queueViewSchema),
        ...errorResponses("VALIDATION_FAILED", "EVENT_NOT_FOUND", "SERVICE_UNAVAILABLE"),
      },
    })
  : undocumented;

const leaveQueueDoc = ROUTE_DOCS
  ? describeRoute({
      tags: ["On-sale"],
      summary: "Leave the waiting room, or end your admission (done shopping): the next visitor goes in",
      responses: {
        204: { description: "Left (also when not in line: leaving is idempotent)" },
        ...errorResponses("VALIDATION_FAILED", "EVENT_NOT_FOUND", "SERVICE_UNAVAILABLE"),
      },
    })
  : undocumented;

/** The on-sale waiting room (issue 15, docs/API.md: Waiting room). */
export const onsaleRoutes = new Hono<AppEnv>()
  .post(
    "/onsale/events/:eventId/queue",
    joinQueueDoc,
    requireUser,
    queueRateLimit,
    validate("param", eventParam),
    async (c) => {
      const result = await joinQueue(onsaleDeps(c), { eventId: c.req.valid("param").eventId, userId: c.var.userId });
      if (result.outcome === "EVENT_NOT_FOUND") throw new ApiError("EVENT_NOT_FOUND", "No such on-sale event");
      return c.json(result.view, 200, noStore);
    },
  )
  .delete(
    "/onsale/events/:eventId/queue",
    leaveQueueDoc,
    requireUser,
    queueRateLimit,
    validate("param", eventParam),
    async (c) => {
      await leaveQueue(onsaleDeps(c), { eventId: c.req.valid("param").eventId, userId: c.var.userId });
      return c.body(null, 204);
    },
  );
