import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { ApiError } from "../http/errors";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { cancellationProgressSchema, cancelShowRequest } from "../shared/admin-ops-schemas";
import { staffActorOf } from "./actor";
import { showRouteErrors, showWriteErrors } from "./route-docs";
import { showIdParam } from "./schemas";
import { requireShowStaff } from "./show-access";
import { cancelShow } from "./use-cases/cancel-show";
import { readCancellation } from "./use-cases/cancellation-progress";

/** Cancelling a show (docs/API.md: Back office): stopped at once here, its orders undone by a job. */
export const cancellationRoutes = new Hono<AppEnv>()
  .post(
    "/admin/shows/:showId/cancellation",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Back office"],
          summary: "Cancel the show: it stops selling at once; a job cancels, refunds and emails every order",
          description:
            "Managers and admins. The show is CANCELLED in the same transaction as the audit row, this colo's caches of it are dropped, and the cancellation job is queued. A repeat changes nothing and queues the job again (it is idempotent). Follow it with GET.",
          responses: {
            202: jsonResponse("Cancelled; the job's progress so far", cancellationProgressSchema),
            ...showWriteErrors(),
          },
        })
      : undocumented,
    requireUser,
    validate("param", showIdParam),
    requireShowStaff("manage"),
    validate("json", cancelShowRequest),
    async (c) => {
      const { reason } = c.req.valid("json");
      const show = c.var.staffShow;
      const result = await cancelShow(depsOf(c), { show, actor: staffActorOf(c), reason });
      return c.json(result.progress, 202, noStore);
    },
  )
  .get(
    "/admin/shows/:showId/cancellation",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Back office"],
          summary:
            "A cancelled show's job: its orders done / failed / pending, refunds and emails (staff of its theatre)",
          responses: {
            200: jsonResponse("The progress", cancellationProgressSchema),
            ...showRouteErrors("CANCELLATION_NOT_FOUND"),
          },
        })
      : undocumented,
    requireUser,
    validate("param", showIdParam),
    requireShowStaff("read"),
    async (c) => {
      const result = await readCancellation(depsOf(c), { showId: c.var.staffShow.id });
      if (result.outcome !== "PROGRESS")
        throw new ApiError("CANCELLATION_NOT_FOUND", "This show has not been cancelled");
      return c.json(result.progress, 200, noStore);
    },
  );
