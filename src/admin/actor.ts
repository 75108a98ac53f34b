import type { Context } from "hono";
import type { StaffEnv } from "../accounts/session-middleware";
import { roleUsed, type StaffActor } from "./audit-log";

/** The audit log's actor of a staff request (after requireUser and requireStaff). */
export const staffActorOf = <E extends StaffEnv>(c: Context<E>): StaffActor => ({
  userId: c.var.userId,
  role: roleUsed(c.var.staffRoles),
  requestId: c.var.requestId,
});
