import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, errorResponse, errorResponses, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { backendDown, csrf, signedIn } from "./route-docs";
import { accountSchema, deletedSchema, renameBody } from "./schemas";
import { clearSessionCookies } from "./session-auth";
import { requireSession } from "./session-middleware";
import { deleteAccount } from "./use-cases/delete-account";
import { type GetAccountOutcome, getAccount } from "./use-cases/get-account";
import { renameAccount } from "./use-cases/rename-account";

const gone = { 404: errorResponse("`ACCOUNT_NOT_FOUND`: the account was deleted") };
/** Every account route refuses the same way: the account was deleted under the session. */
const accountGone = refusals<Refused<GetAccountOutcome, "FOUND">>({
  ACCOUNT_NOT_FOUND: ["ACCOUNT_NOT_FOUND", "This account no longer exists"],
});

export const accountRoutes = new Hono<AppEnv>()
  .get(
    "/account",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "My account: name, email, signed-in devices",
          responses: {
            ...backendDown,
            200: jsonResponse("The account", accountSchema),
            ...signedIn,
            ...gone,
          },
        })
      : undocumented,
    requireSession,
    async (c) => {
      const result = await getAccount(depsOf(c), c.var.session);
      if (result.outcome !== "FOUND") throw accountGone(result);
      return c.json(result.account, 200, noStore);
    },
  )
  .patch(
    "/account",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Change my name",
          responses: {
            ...backendDown,
            200: jsonResponse("The account", accountSchema),
            400: errorResponse("Not a valid name"),
            // PATCH is not among hono-openapi's default methods: the body reader's answers, declared here.
            ...errorResponses("REQUEST_TIMEOUT", "PAYLOAD_TOO_LARGE", "INTERNAL"),
            ...signedIn,
            ...csrf,
            ...gone,
          },
        })
      : undocumented,
    requireSession,
    validate("json", renameBody),
    async (c) => {
      const result = await renameAccount(depsOf(c), { ...c.var.session, name: c.req.valid("json").name });
      if (result.outcome !== "RENAMED") throw accountGone(result);
      return c.json(result.account, 200, noStore);
    },
  )
  .delete(
    "/account",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Delete my account: my orders stay, anonymised (no name, email or phone)",
          responses: {
            ...backendDown,
            200: jsonResponse("Deleted; the cookies are cleared", deletedSchema),
            ...signedIn,
            ...csrf,
            ...gone,
          },
        })
      : undocumented,
    requireSession,
    async (c) => {
      const result = await deleteAccount(depsOf(c), { userId: c.var.session.userId });
      if (result.outcome !== "DELETED") throw accountGone(result);
      clearSessionCookies(c);
      return c.json({ status: result.outcome, anonymisedOrders: result.anonymisedOrders }, 200, noStore);
    },
  );
