/**
 * Whether a person is signed in on this browser, as `GET /auth/session` says. The session itself
 * lives in HttpOnly cookies the page cannot read, so this is the page's only way to know; it also
 * carries the CSRF token every signed-in write must send. Asked once per page load (then kept up to
 * date by sign-in, sign-out and 401s), observable for React through {@link subscribeSession}.
 */

export type Session =
  | { signedIn: true; userId: string; email: string; name: string | null; csrfToken: string }
  | { signedIn: false };

const SIGNED_OUT: Session = { signedIn: false };

let current: Session | null = null;
let loading: Promise<Session> | null = null;
const listeners = new Set<() => void>();

/** What is known right now: `null` until the first answer. */
export function sessionSnapshot(): Session | null {
  return current;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Replaces what is known (after signing in or out) and tells every subscriber. */
export function setSession(session: Session): void {
  current = session;
  for (const listener of listeners) listener();
}

/** The session, asking the API only the first time (or again with `fresh`). */
export function loadSession(fresh = false): Promise<Session> {
  if (current && !fresh) return Promise.resolve(current);
  loading ??= fetchSession().finally(() => {
    loading = null;
  });
  return loading;
}

async function fetchSession(): Promise<Session> {
  let session: Session;
  try {
    const res = await fetch("/api/v1/auth/session", { headers: { Accept: "application/json" } });
    session = res.ok ? parse(await res.json()) : SIGNED_OUT;
  } catch {
    // Offline or the API is down: behave as a guest (guest checkout still works); asked again on
    // the next page load.
    session = SIGNED_OUT;
  }
  setSession(session);
  return session;
}

function parse(body: unknown): Session {
  const b = body as Partial<Record<string, unknown>> | null;
  if (b?.signedIn === true && typeof b.userId === "string" && typeof b.csrfToken === "string") {
    return {
      signedIn: true,
      userId: b.userId,
      email: typeof b.email === "string" ? b.email : "",
      name: typeof b.name === "string" && b.name ? b.name : null,
      csrfToken: b.csrfToken,
    };
  }
  return SIGNED_OUT;
}
