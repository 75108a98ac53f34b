/**
 * A browser, as far as an OpenID sign-in needs one: fetch with a cookie jar (name, path), manual
 * redirects, and the provider's sign-in form filled in. One instance is one browser profile.
 */

interface Cookie {
  name: string;
  value: string;
  path: string;
  host: string;
}

export class Browser {
  readonly #cookies: Cookie[] = [];

  async get(url: string): Promise<Response> {
    return this.request(url, { method: "GET" });
  }

  async request(url: string, init: RequestInit): Promise<Response> {
    const target = new URL(url);
    const cookie = this.#cookies
      .filter((c) => c.host === target.host && target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const headers = new Headers(init.headers);
    if (cookie) headers.set("cookie", cookie);
    const res = await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) this.#store(target, line);
    return res;
  }

  #store(target: URL, line: string): void {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = "/";
    let expired = value === "";
    for (const attribute of attributes) {
      const [key = "", val = ""] = attribute.split("=");
      if (key.toLowerCase() === "path") path = val;
      if (key.toLowerCase() === "expires" && Date.parse(val) <= Date.now()) expired = true;
      if (key.toLowerCase() === "max-age" && Number(val) <= 0) expired = true;
    }
    const at = this.#cookies.findIndex((c) => c.name === name && c.path === path && c.host === target.host);
    if (at >= 0) this.#cookies.splice(at, 1);
    if (!expired) this.#cookies.push({ name, value, path, host: target.host });
  }

  /** Follows redirects until one leaves for `stopAt` (the app's redirect URI), which is not fetched. */
  async follow(res: Response, from: string, stopAt: string): Promise<{ res: Response; url: string }> {
    let url = from;
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      url = new URL(res.headers.get("location") ?? "", url).toString();
      if (url.startsWith(stopAt)) return { res, url };
      res = await this.get(url);
    }
    return { res, url };
  }
}

export interface SignInOutcome {
  /** The sign-in page's HTML (undefined when the provider skipped it: already signed in). */
  page?: string;
  /** Where the provider finally sent the browser: the redirect URI with `code` and `state`. */
  callback: URL;
}

/** Drives a whole sign-in: authorization URL → sign-in page → Email form → redirect back to the app. */
export async function signInAtProvider(
  browser: Browser,
  authorizationUrl: string,
  redirectUri: string,
  form: { email: string; name?: string },
): Promise<SignInOutcome> {
  let at = await browser.follow(await browser.get(authorizationUrl), authorizationUrl, redirectUri);
  if (at.url.startsWith(redirectUri)) return { callback: new URL(at.url) };
  if (at.res.status !== 200) throw new Error(`sign-in page answered ${at.res.status}`);
  const page = await at.res.text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error("no sign-in form on the page");
  const formUrl = new URL(action.replaceAll("&amp;", "&"), at.url).toString();
  const posted = await browser.request(formUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: form.email, name: form.name ?? "" }),
  });
  at = await browser.follow(posted, formUrl, redirectUri);
  if (!at.url.startsWith(redirectUri)) throw new Error(`sign-in did not return to the app (${at.res.status})`);
  return { page, callback: new URL(at.url) };
}
