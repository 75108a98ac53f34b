import type { Config } from "../env";
import { keyedHash } from "./secrets";

/** Sign-in codes (issue 10): 6 digits, 10 minutes, 5 tries, one live code per address. */
export const EMAIL_CODE_SECONDS = 10 * 60;
export const EMAIL_CODE_MAX_TRIES = 5;
export const EMAIL_CODE = /^[0-9]{6}$/;

/** Six uniformly random digits (rejection sampling: no modulo bias). */
export function newEmailCode(): string {
  const limit = 4_294_000_000; // the largest multiple of 10^6 below 2^32
  for (;;) {
    const [n = limit] = crypto.getRandomValues(new Uint32Array(1));
    if (n < limit) return String(n % 1_000_000).padStart(6, "0");
  }
}

/** Keyed with a server secret and bound to the address: a leaked table gives no code to try offline. */
export const emailCodeHash = (config: Config, email: string, code: string) =>
  keyedHash(config, "email-code-hash", `${email}\n${code}`);

/** The sign-in code email, as text + HTML. Pure. */
export function renderSignInCodeEmail(code: string, minutes: number) {
  const lines = [
    `Your Housefull sign-in code is ${code}.`,
    "",
    `It works once, for ${minutes} minutes. Nobody from Housefull will ask you for it.`,
    "If you did not ask to sign in, you can ignore this email.",
  ];
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif">',
    "<p>Your Housefull sign-in code is</p>",
    `<p style="font-size:28px;font-weight:700;letter-spacing:4px">${code}</p>`,
    `<p>It works once, for ${minutes} minutes. Nobody from Housefull will ask you for it.</p>`,
    "<p>If you did not ask to sign in, you can ignore this email.</p>",
    "</body></html>",
  ].join("");
  return { subject: `Your Housefull sign-in code: ${code}`, text: lines.join("\n"), html };
}
