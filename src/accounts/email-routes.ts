import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { depsOf } from "../deps";
import { noStore } from "../http/edge-cache";
import { describeRoute, errorResponse, jsonResponse, undocumented } from "../http/openapi-doc";
import { type Refused, refusals } from "../http/refusals";
import { validate } from "../http/validate";
import { signInBudget, spendSignInBudget } from "./rate-limits";
import { backendDown } from "./route-docs";
import { codeSentSchema, emailStartBody, emailVerifyBody, sessionSchema } from "./schemas";
import { keyedHash } from "./secrets";
import { setSessionCookies } from "./session-auth";
import { deviceOf } from "./session-start";
import { startEmailSignIn } from "./use-cases/start-email-sign-in";
import { type VerifyEmailCodeOutcome, verifyEmailCode } from "./use-cases/verify-email-code";

const refusedCode = refusals<Refused<VerifyEmailCodeOutcome, "SIGNED_IN">>({
  CODE_INVALID: ["EMAIL_CODE_INVALID", "That code is wrong or no longer valid; ask for a new one"],
});

/** Sign-in by an emailed code. */
export const emailSignInRoutes = new Hono<AppEnv>()
  .post(
    "/auth/email/start",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Email me a sign-in code (6 digits, 10 minutes, 5 tries); the same answer for any address",
          responses: {
            202: jsonResponse("A code is on its way", codeSentSchema),
            400: errorResponse("Not an email address"),
            429: errorResponse("Too many codes for this address or from this client"),
            503: errorResponse("The database or the email queue is unavailable"),
          },
        })
      : undocumented,
    validate("json", emailStartBody),
    async (c) => {
      const { email } = c.req.valid("json");
      await signInBudget(c);
      const addressKey = await keyedHash(c.var.config, "rate-limit-key", email);
      await spendSignInBudget(c.env, "EMAIL_CODE_ADDRESS_RATE_LIMITER", `address:${addressKey}`);
      const result = await startEmailSignIn(depsOf(c), { email });
      return c.json({ status: result.outcome, expiresInSeconds: result.expiresInSeconds }, 202, noStore);
    },
  )
  .post(
    "/auth/email/verify",
    ROUTE_DOCS
      ? describeRoute({
          tags: ["Accounts"],
          summary: "Sign in with the emailed code: sets the session cookies",
          responses: {
            ...backendDown,
            200: jsonResponse("Signed in (the body is GET /auth/session's)", sessionSchema),
            400: errorResponse("`EMAIL_CODE_INVALID`: wrong, used, expired or out of tries; or a malformed body"),
            429: errorResponse("Too many tries from this client"),
          },
        })
      : undocumented,
    validate("json", emailVerifyBody),
    async (c) => {
      await signInBudget(c);
      const { email, code } = c.req.valid("json");
      const result = await verifyEmailCode(depsOf(c), { email, code, device: deviceOf(c.req.header("user-agent")) });
      if (result.outcome !== "SIGNED_IN") throw refusedCode(result);
      setSessionCookies(c, result.session);
      const { userId, csrfToken } = result.session;
      return c.json({ signedIn: true as const, userId, email, name: null, csrfToken }, 200, noStore);
    },
  );
