import { Hono } from "hono";
import { requireStaff } from "../accounts/session-middleware";
import type { AppEnv } from "../app-env";
import { requireUser } from "../auth/identity";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, jsonResponse, undocumented } from "../http/openapi-doc";
import { validate } from "../http/validate";
import { auditPageSchema, auditQuery } from "../shared/admin-schemas";
import { adminDoc } from "./route-docs";
import { listAudit } from "./use-cases/list-audit";

/** The audit log of staff actions (audit-log.ts writes it with each change). */
export const auditRoutes = new Hono<AppEnv>().get(
  "/admin/audit",
  ROUTE_DOCS
    ? describeRoute(
        adminDoc(
          "Staff actions, newest first, filtered (theatre, actor, action or target type, target, time range) and paged by cursor; managers see their theatres' entries with customers' email and phone masked; ushers may not read it",
          { 200: jsonResponse("A page of the audit log", auditPageSchema) },
        ),
      )
    : undocumented,
  requireUser,
  requireStaff("manage", "any-theatre"),
  validate("query", auditQuery),
  async (c) => {
    const { cursor, limit, ...filter } = c.req.valid("query");
    const result = await listAudit(depsOf(c), {
      ...filter,
      cursor,
      limit,
      theatreIds: c.var.staffTheatreIds,
      roles: c.var.staffRoles,
    });
    return c.json(
      { entries: result.entries, nextCursor: result.nextCursor, customerDataMasked: result.customerDataMasked },
      200,
      noStore,
    );
  },
);
