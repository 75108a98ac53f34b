import { ApiError } from "../http/errors";
import { clientAddress } from "../http/rate-limit";

type AccountsLimiter = "EMAIL_CODE_ADDRESS_RATE_LIMITER" | "SIGN_IN_CLIENT_RATE_LIMITER";

/**
 * A sign-in budget from a Workers Rate Limiting binding (no Redis round trip), like
 * src/http/rate-limit.ts but keyed by what the route has parsed (e.g. an address's HMAC).
 */
export async function spendSignInBudget(env: Env, limiter: AccountsLimiter, key: string): Promise<void> {
  if (await hasBudget(env, limiter, key)) return;
  const retryAfter = signInRetryAfterSeconds();
  throw new ApiError(
    "RATE_LIMITED",
    "Too many sign-in attempts; please wait a minute",
    { retryAfterSeconds: retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** The budgets are per minute: seconds until the next one. */
export const signInRetryAfterSeconds = () => 60 - (Math.floor(Date.now() / 1000) % 60);

async function hasBudget(env: Env, limiter: AccountsLimiter, key: string): Promise<boolean> {
  const { success } = await env[limiter].limit({ key });
  return success;
}

type SignInRequest = { env: Env; req: { header(name: string): string | undefined } };

/**
 * Spends one of the client's sign-in budget; false when it is spent. For a full-page visit (the
 * OIDC start), which answers a spent budget with a redirect, not an error body.
 */
export const spendClientSignIn = (c: SignInRequest) =>
  hasBudget(c.env, "SIGN_IN_CLIENT_RATE_LIMITER", `client:${clientAddress(c)}`);

/** The per-client budget every sign-in request spends: OIDC starts, code requests, code tries. */
export const signInBudget = (c: SignInRequest) =>
  spendSignInBudget(c.env, "SIGN_IN_CLIENT_RATE_LIMITER", `client:${clientAddress(c)}`);
