import { ApiError } from "../../../api/client";

/** Why a Google sign-in came back refused (`/sign-in?error=REASON`), in words. */
export function refusalWords(reason: string): string {
  switch (reason) {
    case "PROVIDER_REFUSED":
      return "Google did not sign you in (the sign-in was cancelled or refused). You can try again.";
    case "EMAIL_NOT_VERIFIED":
    case "MISSING_EMAIL":
      return "Google did not give us a verified email address for that account. Try another account, or sign in with an email code.";
    case "STATE_MISMATCH":
    case "NO_SIGN_IN_FLOW":
    case "MISSING_CODE":
      return "That sign-in took too long or was started in another tab or browser. Please start again from this page.";
    case "SIGN_IN_UNAVAILABLE":
      return "Signing in with Google is not available right now. Sign in with an email code instead, or try again later.";
    case "RATE_LIMITED":
      return "There have been too many sign-in attempts from this network. Wait a minute, then try again.";
    default:
      return "We couldn't complete the sign-in with Google. Please try again, or sign in with an email code.";
  }
}

/** A failed sign-in or account call, in words. */
export function accountErrorWords(error: unknown, action = "do that"): string {
  if (!(error instanceof ApiError)) return `We couldn't ${action}. Please try again.`;
  if (error.status === 0) return "You seem to be offline. Check your connection and try again.";
  switch (error.code) {
    case "EMAIL_CODE_INVALID":
      return "That code is wrong or has expired. Check the latest email, or ask for a new code.";
    case "VALIDATION_FAILED":
    case "BAD_REQUEST":
      return error.message;
    case "UNAUTHENTICATED":
      return "You are signed out. Sign in again to continue.";
    case "CSRF_REFUSED":
      return "Your sign-in changed in another tab. Reload the page and try again.";
  }
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ? `${error.retryAfterSeconds} seconds` : "a minute";
    return `That's a lot of tries. Wait ${wait}, then try again.`;
  }
  if (error.status >= 500) return "Part of housefull is briefly unavailable. Please try again in a moment.";
  return `We couldn't ${action}. Please try again.`;
}
