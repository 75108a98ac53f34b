import { ApiError } from "../api/client";

export interface FriendlyError {
  title: string;
  description: string;
  /** Whether a "Try again" button makes sense. */
  retryable: boolean;
}

/** Words for people, never raw JSON or status codes. */
export function friendlyError(error: unknown, what = "this"): FriendlyError {
  if (!(error instanceof ApiError)) {
    return {
      title: "Something went wrong",
      description: "An unexpected error stopped this page from loading. Please try again.",
      retryable: true,
    };
  }
  if (error.status === 0) {
    return {
      title: "You seem to be offline",
      description: "We couldn't reach housefull. Check your connection and try again.",
      retryable: true,
    };
  }
  if (error.status === 404) {
    return {
      title: `We couldn't find ${what}`,
      description: "It may have been removed, or the link is wrong.",
      retryable: false,
    };
  }
  if (error.status === 400) {
    return {
      title: `We couldn't find ${what}`,
      description: "The link doesn't look right. Head back and pick again.",
      retryable: false,
    };
  }
  if (error.status === 429) {
    return {
      title: "That was a lot of requests",
      description: "Give it a few seconds, then try again.",
      retryable: true,
    };
  }
  if (error.status === 503) {
    return {
      title: "We're catching our breath",
      description: "Part of housefull is briefly unavailable. Please try again in a moment.",
      retryable: true,
    };
  }
  return {
    title: "Something went wrong on our side",
    description: "It's not you. Please try again in a moment.",
    retryable: true,
  };
}
