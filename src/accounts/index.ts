import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { accountRoutes } from "./account-routes";
import { emailSignInRoutes } from "./email-routes";
import { oidcSignInRoutes } from "./oidc-routes";
import { sessionRoutes } from "./session-routes";
import { staffRoutes } from "./staff-routes";

/** Everything the accounts domain serves under /api/v1 (one mount in src/app.ts). */
export const accountsRoutes = new Hono<AppEnv>()
  .route("/", oidcSignInRoutes)
  .route("/", emailSignInRoutes)
  .route("/", sessionRoutes)
  .route("/", accountRoutes)
  .route("/", staffRoutes);
