/**
 * Booking emails as text + HTML (docs/API.md: Flows, email). Pure: no I/O, no clock, no locale of the runtime —
 * the same details give the same bytes in Node and in workerd.
 */

import { formatPaise, formatRupees, toPaise } from "../../shared/money";
import { sortSeatIds } from "../../shared/seat-order";
import { formatIstDateTime, formatIstShort } from "./cinema-dates";
import { escapeHtml, htmlOf, type Layout, oneLine, type Row, textOf } from "./layout";

export { escapeHtml, formatIstDateTime, formatIstShort, formatRupees, sortSeatIds };

export type BookingEmailKind = "order.confirmed" | "order.cancelled" | "order.refunded" | "show.cancelled";

/** The itemised receipt (src/orders/receipt.ts), amounts as decimal strings. */
export interface EmailReceipt {
  lines: { name: string; seatIds: string[]; quantity: number; unitPrice: string; amount: string }[];
  convenienceFee: string;
  total: string;
}

export interface EmailRefund {
  amount: string;
  /** When the refund was owed (ISO-8601). */
  requestedAt: string;
  status: "pending" | "succeeded" | "failed";
  reason: string | null;
}

export interface BookingEmailDetails {
  orderId: string;
  customerName: string;
  customerEmail: string;
  ticketCode: string | null;
  seatIds: string[];
  /** Decimal string, as Postgres `numeric` gives it ("250.00"). */
  amount: string;
  movieTitle: string;
  theatreName: string;
  theatreAddress: string | null;
  /** The show's start, ISO-8601. */
  startTime: string;
  cancelledAt?: string | null;
  receipt?: EmailReceipt | null;
  refund?: EmailRefund | null;
  /** Content-ID of the ticket's QR code attached inline (PNG), shown in the ticket-code banner. */
  ticketQrCid?: string;
  /** Bought at the theatre's counter: a refund is paid back there, not to a card. */
  paidAtCounter?: boolean;
}

/** Receipt rows: a line per seat category, the fee, the total. */
function receiptRows(receipt: EmailReceipt, totalLabel: string): Row[] {
  const rows: Row[] = receipt.lines.map((line) => ({
    label: `${oneLine(line.name)} × ${line.quantity}`,
    value: `${formatRupees(line.amount)} (${formatRupees(line.unitPrice)} each: ${line.seatIds.join(", ")})`,
  }));
  if (receipt.convenienceFee !== "0.00")
    rows.push({ label: "Convenience fee", value: formatRupees(receipt.convenienceFee) });
  rows.push({ label: totalLabel, value: formatRupees(receipt.total) });
  return rows;
}

const REFUND_TIME = "Refunds reach your original payment method within 5–7 working days.";

const WHY_REFUNDED: Record<string, string> = {
  SEATS_UNAVAILABLE:
    "your payment arrived after the payment window had closed, and your seats had been booked by someone else meanwhile",
  ORDER_CANCELLED: "your payment arrived after the booking had been cancelled",
  SHOW_CLOSED: "your payment arrived after the show had stopped taking bookings",
};

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** How early the email asks people to arrive (security check, snacks, finding the hall). */
export const ARRIVE_EARLY_MINUTES = 20;

function layoutOf(kind: BookingEmailKind, d: BookingEmailDetails): Layout {
  const movie = oneLine(d.movieTitle);
  const when = formatIstDateTime(d.startTime);
  const seats = sortSeatIds(d.seatIds);
  const amount = formatRupees(d.amount);
  const name = oneLine(d.customerName);
  const greeting = name ? `Hi ${name},` : "Hi,";
  const cinema = oneLine(d.theatreAddress ? `${d.theatreName}, ${d.theatreAddress}` : d.theatreName);
  const showRows: Row[] = [
    { label: "Movie", value: movie },
    { label: "When", value: when },
    { label: "Cinema", value: cinema },
    { label: "Seats", value: `${seats.join(", ")} (${seats.length} ${seats.length === 1 ? "seat" : "seats"})` },
  ];

  if (kind === "order.confirmed") {
    const code = d.ticketCode ?? "—";
    return {
      subject: `Booking confirmed: ${movie} · ${formatIstShort(d.startTime)}`,
      preheader: `Ticket ${code} · ${seats.join(", ")} · ${when}`,
      greeting,
      headline: "Your booking is confirmed.",
      banner: {
        label: "Ticket code",
        value: code,
        note: d.ticketQrCid
          ? "Show this QR code (or the code) at the cinema entrance."
          : "Show this code at the cinema entrance.",
        qrCid: d.ticketQrCid,
      },
      rows: [
        ...showRows,
        ...(d.receipt ? receiptRows(d.receipt, "Amount paid") : [{ label: "Amount paid", value: amount }]),
        { label: "Order id", value: d.orderId },
      ],
      paragraphs: [
        `Please arrive at least ${ARRIVE_EARLY_MINUTES} minutes before the show starts: security checks and finding your seats take time, and latecomers may not be let in once the film has begun.`,
        "Enjoy the show!",
      ],
    };
  }

  if (kind === "order.refunded") {
    const refunded = formatRupees(d.refund?.amount ?? d.amount);
    const why = WHY_REFUNDED[d.refund?.reason ?? ""] ?? WHY_REFUNDED.SEATS_UNAVAILABLE;
    const on = d.refund ? formatIstDateTime(d.refund.requestedAt) : "";
    return {
      subject: `Payment refunded: ${movie} · ${formatIstShort(d.startTime)}`,
      preheader: `We could not book these seats, so your ${refunded} is coming back in full.`,
      greeting,
      headline: "We could not book your seats, so we refunded your payment in full.",
      rows: [
        ...showRows,
        { label: "Refund", value: `${refunded} (in full)` },
        ...(on ? [{ label: "Refunded on", value: on }] : []),
        { label: "Order id", value: d.orderId },
      ],
      paragraphs: [
        `We are sorry: ${why}, so no ticket was issued.`,
        `We refunded all of it, ${refunded}, on ${on || "the day it arrived"}. ${REFUND_TIME}`,
      ],
    };
  }

  if (kind === "show.cancelled") return showCancelledLayout(d, { greeting, movie, when, seats, showRows });

  // A customer's cancel refunds the amount less the theatre's cancellation fee: say what was kept.
  const kept = d.refund ? toPaise(d.amount) - toPaise(d.refund.amount) : 0;
  const keptWords = kept > 0 ? ` The theatre keeps its cancellation fee of ${formatRupees(formatPaise(kept))}.` : "";
  const refund = d.refund
    ? `A refund of ${formatRupees(d.refund.amount)} was issued on ${formatIstDateTime(d.refund.requestedAt)}.${keptWords} ${REFUND_TIME}`
    : d.ticketCode
      ? `A refund of ${amount} will go back to your original payment method within 5–7 working days.`
      : "No payment was taken for this booking, so there is nothing to refund.";
  const rows = [...showRows, { label: "Amount", value: amount }];
  if (d.refund) rows.push({ label: "Refund", value: formatRupees(d.refund.amount) });
  if (d.ticketCode) rows.push({ label: "Ticket code", value: `${d.ticketCode} (no longer valid)` });
  if (d.cancelledAt) rows.push({ label: "Cancelled", value: formatIstDateTime(d.cancelledAt) });
  rows.push({ label: "Order id", value: d.orderId });
  return {
    subject: `Booking cancelled: ${movie} · ${formatIstShort(d.startTime)}`,
    preheader: `Your booking for ${movie} on ${when} was cancelled.`,
    greeting,
    headline: "Your booking has been cancelled.",
    rows,
    paragraphs: [
      `These seats are no longer reserved for you: ${seats.join(", ")}.`,
      refund,
      "If you did not ask for this cancellation, contact Housefull support and quote the order id above.",
    ],
  };
}

/** The cinema cancelled the show: what happens to the booking and to the money. */
function showCancelledLayout(
  d: BookingEmailDetails,
  parts: { greeting: string; movie: string; when: string; seats: string[]; showRows: Row[] },
): Layout {
  const { greeting, movie, when, seats, showRows } = parts;
  const refunded = d.refund ? formatRupees(d.refund.amount) : null;
  const money = !refunded
    ? "No payment was taken for this booking, so there is nothing to refund."
    : d.paidAtCounter
      ? `You paid at the cinema's counter: your ${refunded} is refunded in full there. Bring this email or your ticket code.`
      : `We are refunding all of it, ${refunded}, to your original payment method. ${REFUND_TIME}`;
  const rows: Row[] = [...showRows, { label: "Amount", value: formatRupees(d.amount) }];
  if (refunded) rows.push({ label: "Refund", value: `${refunded} (in full)` });
  if (d.ticketCode) rows.push({ label: "Ticket code", value: `${d.ticketCode} (no longer valid)` });
  rows.push({ label: "Order id", value: d.orderId });
  return {
    subject: `Show cancelled: ${movie} · ${formatIstShort(d.startTime)}`,
    preheader: refunded
      ? `The cinema cancelled ${movie} on ${when}. Your ${refunded} is being refunded in full.`
      : `The cinema cancelled ${movie} on ${when}.`,
    greeting,
    headline: "The cinema has cancelled this show.",
    rows,
    paragraphs: [
      `We are sorry: ${oneLine(d.theatreName)} has cancelled the show of ${movie} on ${when}, so your booking for ${seats.join(", ")} is cancelled.`,
      money,
    ],
  };
}

/** The booking email for one order: subject, a plain-text part and an HTML part with the same facts. */
export function renderBookingEmail(kind: BookingEmailKind, details: BookingEmailDetails): RenderedEmail {
  const layout = layoutOf(kind, details);
  return { subject: layout.subject, text: textOf(layout), html: htmlOf(layout) };
}
