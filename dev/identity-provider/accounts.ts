import { createHash } from "node:crypto";

/** Who signed in at the local provider: kept in memory for the life of the process. */
export interface LocalAccount {
  sub: string;
  email: string;
  name: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A well-formed address, trimmed and lower-cased; undefined if it is not one. */
export function normaliseEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : undefined;
}

/**
 * Google-like subject: 21 digits derived from the address, so the same email is the same `sub`
 * across restarts of `npm run dev` (the worker's identity links survive, its database does too).
 */
export function subjectOf(email: string): string {
  const digest = createHash("sha256").update(`housefull-local-idp:${email}`).digest("hex");
  return `1${BigInt(`0x${digest.slice(0, 16)}`)
    .toString()
    .padStart(20, "0")}`;
}

export class AccountBook {
  readonly #bySub = new Map<string, LocalAccount>();

  /** Any address is accepted: found, or created on first sign-in; a given name replaces the old one. */
  signIn(email: string, name?: string): LocalAccount {
    const sub = subjectOf(email);
    const previous = this.#bySub.get(sub);
    const account = { sub, email, name: name?.trim() || previous?.name || email.split("@")[0] || email };
    this.#bySub.set(sub, account);
    return account;
  }

  find(sub: string): LocalAccount | undefined {
    return this.#bySub.get(sub);
  }
}
