import { ApiError } from "../../../api/client";
import type { NoticeTone } from "../../../components/Notice";

/** Why the user was sent (back) to a page, carried in the router's location state. */
export type BookingNotice =
  | { kind: "hold-expired"; seats?: string[] }
  | { kind: "order-expired" }
  | { kind: "seats-taken"; seats: string[] }
  | { kind: "held-elsewhere"; seats: string[] }
  | { kind: "hold-missing" }
  | { kind: "order-cancelled" };

export interface NoticeWords {
  tone: NoticeTone;
  title: string;
  text?: string;
}

/** "F5" / "F5 and F6" / "F5, F6 and F7". */
export function seatList(seats: readonly string[]): string {
  if (seats.length <= 1) return seats[0] ?? "";
  return `${seats.slice(0, -1).join(", ")} and ${seats[seats.length - 1]}`;
}

export function noticeWords(notice: BookingNotice): NoticeWords {
  switch (notice.kind) {
    case "hold-expired":
      return {
        tone: "warning",
        title: "Your seats were released because time ran out",
        text: "Seats are only held for a few minutes. Pick your seats again to continue.",
      };
    case "order-expired":
      return {
        tone: "warning",
        title: "Your seats were released because time ran out",
        text: "The payment window closed before the payment went through. Nothing was charged. Pick your seats again to book.",
      };
    case "seats-taken": {
      const many = notice.seats.length > 1;
      return {
        tone: "error",
        title: `${seatList(notice.seats)} ${many ? "were" : "was"} just taken`,
        text: `Someone else got ${many ? "them" : "it"} first. The seat map is up to date: pick ${many ? "other seats" : "another seat"}.`,
      };
    }
    case "held-elsewhere": {
      const many = notice.seats.length > 1;
      return {
        tone: "warning",
        title: `You're already holding ${seatList(notice.seats)} in another tab or visit`,
        text: `${many ? "They" : "It"} can't be held twice. Finish that booking, or wait a few minutes for that hold to lapse, then pick ${many ? "them" : "it"} here.`,
      };
    }
    case "hold-missing":
      return {
        tone: "warning",
        title: "We couldn't find your held seats",
        text: "They may have been released already. Pick your seats again.",
      };
    case "order-cancelled":
      return { tone: "success", title: "Booking cancelled", text: "Your seats were released." };
  }
}

/** A failed booking action (hold, order, payment, cancel) in words, with whether to try again. */
export function actionErrorWords(error: unknown): NoticeWords & { retryAfterSeconds?: number; retryable: boolean } {
  if (!(error instanceof ApiError)) {
    return { tone: "error", title: "Something went wrong", text: "Please try again.", retryable: true };
  }
  if (error.status === 0) {
    return {
      tone: "error",
      title: "You seem to be offline",
      text: "We couldn't reach housefull, so nothing was changed. Check your connection and try again.",
      retryable: true,
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ?? retryAfterFromDetails(error);
    return {
      tone: "warning",
      title: "Too many tries in a short time",
      text: wait ? `Please wait ${wait} seconds, then try again.` : "Please wait a few seconds, then try again.",
      retryable: true,
      retryAfterSeconds: wait,
    };
  }
  if (error.status >= 500) {
    return {
      tone: "error",
      title: "We're having trouble on our side",
      text: "Nothing was changed. Please try again in a moment.",
      retryable: true,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  // The API's own messages are written for people ("Choose between 1 and 10 seats").
  return { tone: "error", title: error.message, retryable: false };
}

function retryAfterFromDetails(error: ApiError): number | undefined {
  const value = error.details.retryAfterSeconds;
  return typeof value === "number" && value > 0 ? value : undefined;
}
