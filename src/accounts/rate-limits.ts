import { ApiError } from "../http/errors";
import { clientAddress } from "../http/rate-limit";

type AccountsLimiter = "EMAIL_CODE_ADDRESS_RATE_LIMITER" | "SIGN_IN_CLIENT_RATE_LIMITER";

/**
 * A sign-in budget from a Workers Rate Limiting binding (no Redis round trip), like
 * src/http/rate-limit.ts but keyed by what the route has parsed (e.g. an address's HMAC).
 */
export async function spendSignInBudget(env: Env, limiter: AccountsLimiter, key: string): Promise<void> {
  const { success } = await env[limiter].limit({ key });
  if (success) return;
  const retryAfter = 60 - (Math.floor(Date.now() / 1000) % 60);
  throw new ApiError(
    "RATE_LIMITED",
    "Too many sign-in attempts; please wait a minute",
    { retryAfterSeconds: retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** The per-client budget every sign-in request spends: OIDC starts, code requests, code tries. */
export const signInBudget = (c: { env: Env; req: { header(name: string): string | undefined } }) =>
  spendSignInBudget(c.env, "SIGN_IN_CLIENT_RATE_LIMITER", `client:${clientAddress(c)}`);
