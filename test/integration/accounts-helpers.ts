import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject, vi } from "vitest";
import { depsOfEnv } from "../../src/deps";
import type { EmailTransport, OutgoingEmail } from "../../src/jobs/email/transports";
import { consumeEmailBatch, type EmailMessage } from "../../src/jobs/email-consumer";
import { Browser, signInAtProvider } from "../dev/oidc-browser";
import { storeSetCookies } from "../support/cookies.ts";
import { call } from "./http";

/** A browser profile talking to the worker: keeps what Set-Cookie says, sends it back. */
export class Jar {
  readonly cookies = new Map<string, string>();
  csrf = "";

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  store(res: Response): Response {
    storeSetCookies(this.cookies, res);
    return res;
  }

  /** A same-origin request as the web UI makes it: cookies, Origin, and the CSRF header on writes. */
  async call(path: string, init: RequestInit & { json?: unknown; csrf?: boolean } = {}): Promise<Response> {
    const { csrf = true, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.header());
    const write = !["GET", "HEAD", undefined].includes(rest.method);
    if (write && !headers.has("origin")) headers.set("origin", "http://localhost");
    if (write && csrf && this.csrf && !headers.has("x-csrf-token")) headers.set("x-csrf-token", this.csrf);
    // Redirects are the browser's business (a Request follows them by default, even to the worker).
    return this.store(await call(path, { redirect: "manual", ...rest, headers }));
  }

  async refreshCsrf(): Promise<void> {
    const session = (await (await this.call("/api/v1/auth/session")).json()) as { csrfToken?: string };
    this.csrf = session.csrfToken ?? "";
  }
}

/** Every queue message the worker sends while `run` runs (the queue binding, observed). */
export async function queuedDuring(run: () => Promise<unknown>): Promise<EmailMessage[]> {
  const spy = vi.spyOn(env.EMAIL_QUEUE, "send");
  try {
    await run();
    return spy.mock.calls.map(([body]) => body as EmailMessage);
  } finally {
    spy.mockRestore();
  }
}

/** Delivers queued messages to the worker's consumer, as the queue would; returns what it emailed. */
export async function deliver(messages: EmailMessage[]): Promise<OutgoingEmail[]> {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "recording",
    async send(message) {
      sent.push(message);
      return { messageId: `recorded-${sent.length}` };
    },
  };
  const batch = createMessageBatch<unknown>(
    "housefull-email",
    messages.map((body) => ({ id: `msg-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body })),
  );
  await consumeEmailBatch(batch, env, { transport });
  await getQueueResult(batch, createExecutionContext());
  return sent;
}

let clients = 0;
/** A client address of its own, so per-client sign-in budgets of different tests never meet. */
export const clientIp = () => `198.51.100.${(clients++ % 250) + 1}`;

/** Asks for a code for `email` and reads it from the email the consumer sends. */
export async function emailCodeFor(email: string, ip = clientIp()): Promise<{ code: string; res: Response }> {
  let res: Response | undefined;
  const queued = await queuedDuring(async () => {
    res = await call("/api/v1/auth/email/start", {
      method: "POST",
      headers: { "cf-connecting-ip": ip },
      json: { email },
    });
  });
  const [mail] = await deliver(queued);
  const code = /\b(\d{6})\b/.exec(mail?.text ?? "")?.[1];
  if (!res || !code) throw new Error(`no code emailed (start answered ${res?.status})`);
  return { code, res };
}

/** A whole email-code sign-in in `jar`. */
export async function signInByEmail(jar: Jar, email: string): Promise<{ userId: string }> {
  const ip = clientIp();
  const { code } = await emailCodeFor(email, ip);
  const res = await jar.call("/api/v1/auth/email/verify", {
    method: "POST",
    headers: { "cf-connecting-ip": ip },
    json: { email, code },
  });
  if (res.status !== 200) throw new Error(`verify answered ${res.status}`);
  const body = (await res.json()) as { userId: string; csrfToken: string };
  jar.csrf = body.csrfToken;
  return { userId: body.userId };
}

export const redirectUri = () => inject("oidcRedirectUri");

/** Starts an OIDC sign-in in `jar` and walks the local provider's page; returns the callback path. */
export async function oidcCallbackFor(jar: Jar, email: string, returnTo = "/my-bookings") {
  const start = await jar.call(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, {
    headers: { "cf-connecting-ip": clientIp() },
  });
  if (start.status !== 302) throw new Error(`start answered ${start.status}`);
  const authorizationUrl = start.headers.get("location") ?? "";
  const { callback } = await signInAtProvider(new Browser(), authorizationUrl, redirectUri(), {
    email,
    name: "Asha Rao",
  });
  return { callback, authorizationUrl, path: `${callback.pathname}${callback.search}` };
}

/** A whole OIDC sign-in in `jar`: ends signed in, or throws. */
export async function signInByOidc(jar: Jar, email: string) {
  const { path } = await oidcCallbackFor(jar, email);
  const res = await jar.call(path);
  if (res.status !== 302 || res.headers.get("location") !== "/my-bookings")
    throw new Error(`callback answered ${res.status} → ${res.headers.get("location")}`);
  await jar.refreshCsrf();
  return res;
}

export const deps = () => depsOfEnv(env);
