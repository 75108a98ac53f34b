/** A `returnTo` worth going back to: a path on this site, not the sign-in page itself. */
export function safeReturnTo(value: string | null): string {
  if (!value || !/^\/(?![/\\])/.test(value) || value.startsWith("/sign-in")) return "/";
  return value;
}
