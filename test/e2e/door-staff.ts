/**
 * Staff for the door scenarios, the way a real usher gets there: signs in with the local OpenID
 * provider (fetch with a cookie jar, as test/integration/accounts-helpers.ts does), is granted the
 * usher role at a theatre (what `npm run admin:grant` or a manager does), and hands the session's
 * cookies to a browser.
 */
import { Browser, signInAtProvider } from "../dev/oidc-browser.ts";
import { storeSetCookies } from "../support/cookies.ts";

export class CookieJar {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    storeSetCookies(this.cookies, res);
    return res;
  }

  /** The session cookies, for a Playwright context. */
  session = () =>
    [...this.cookies].filter(([name]) => name !== "__Host-hf_oidc").map(([name, value]) => ({ name, value }));
}

/** Signs `email` in through OIDC on the stack at `baseUrl`; answers the jar and the account's user id. */
export async function signInStaff(baseUrl: string, email: string): Promise<{ jar: CookieJar; userId: string }> {
  const jar = new CookieJar(baseUrl);
  const start = await jar.fetch("/api/v1/auth/oidc/start?returnTo=/scan");
  if (start.status !== 302) throw new Error(`oidc start answered ${start.status}`);
  const authorizationUrl = start.headers.get("location") ?? "";
  const redirectUri = new URL(authorizationUrl).searchParams.get("redirect_uri") ?? "";
  const { callback } = await signInAtProvider(new Browser(), authorizationUrl, redirectUri, {
    email,
    name: "Door Usher",
  });
  const back = await jar.fetch(`${callback.pathname}${callback.search}`);
  if (back.status !== 302) throw new Error(`oidc callback answered ${back.status}`);
  const session = (await (await jar.fetch("/api/v1/auth/session")).json()) as { signedIn: boolean; userId: string };
  if (!session.signedIn) throw new Error("not signed in after the callback");
  return { jar, userId: session.userId };
}
