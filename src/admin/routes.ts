import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { adminOpsRoutes } from "./ops-routes";

/**
 * The back office API (issue 12): everything under /api/v1/admin, each route role- and
 * theatre-checked by requireStaff (src/accounts). One mount in src/app.ts.
 */
export const adminRoutes = new Hono<AppEnv>().route("/", adminOpsRoutes);
