import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../api/client";
import { adoptSession } from "../../../api/identity";
import { loadSession, type Session } from "../../../api/session";

/** The accounts endpoints the web UI calls (src/accounts/*-routes.ts), through the typed client. */

export type Account = InferResponseType<typeof api.account.$get, 200>;
export type Device = Account["devices"][number];

export const accountKeys = { account: ["account"] as const };

/** Where "Sign in with Google" goes: a full-page visit to the provider and back to `returnTo`. */
export const oidcStartUrl = (returnTo: string) => `/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;

/** POST /auth/email/start: always 202 (known address or not). */
export const sendEmailCode = (email: string) => unwrap(api.auth.email.start.$post({ json: { email } }));

/**
 * POST /auth/email/verify: signs in (the cookies are set), then any guest token is claimed. Its
 * answer has no name, so the session is read once more for an account that has one.
 */
export async function verifyEmailCode(email: string, code: string): Promise<Session> {
  const verified = await unwrap(api.auth.email.verify.$post({ json: { email, code } }));
  const fresh = await loadSession(true);
  return adoptSession(fresh.signedIn ? fresh : verified);
}

/** POST /auth/signout (this device). The hooks then adopt the signed-out state. */
export const signOut = () => unwrap(api.auth.signout.$post());

export const signOutEverywhere = () => unwrap(api.auth["signout-everywhere"].$post());

export const accountQuery = () =>
  queryOptions({
    queryKey: accountKeys.account,
    queryFn: ({ signal }) => unwrap(api.account.$get(undefined, { init: { signal } })),
    staleTime: 0,
  });

export const renameAccount = (name: string) => unwrap(api.account.$patch({ json: { name } }));

export const deleteAccount = () => unwrap(api.account.$delete());
