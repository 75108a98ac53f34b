import { ApiError } from "../api/client";

export interface FriendlyError {
  title: string;
  description: string;
  /** Whether a "Try again" button makes sense. */
  retryable: boolean;
}

const words = (title: string, description: string, retryable: boolean): FriendlyError => ({
  title,
  description,
  retryable,
});

/** Words for people, never raw JSON or status codes. */
export function friendlyError(error: unknown, what = "this"): FriendlyError {
  if (!(error instanceof ApiError)) {
    return words("Something went wrong", "An unexpected error stopped this page from loading. Please try again.", true);
  }
  switch (error.status) {
    case 0:
      return words("You seem to be offline", "We couldn't reach housefull. Check your connection and try again.", true);
    case 404:
      return words(`We couldn't find ${what}`, "It may have been removed, or the link is wrong.", false);
    case 400:
      return words(`We couldn't find ${what}`, "The link doesn't look right. Head back and pick again.", false);
    case 429:
      return words("That was a lot of requests", "Give it a few seconds, then try again.", true);
    case 503:
      return words(
        "We're catching our breath",
        "Part of housefull is briefly unavailable. Please try again in a moment.",
        true,
      );
    default:
      return words("Something went wrong on our side", "It's not you. Please try again in a moment.", true);
  }
}
