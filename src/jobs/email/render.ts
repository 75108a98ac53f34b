/**
 * Booking emails as text + HTML (docs/API.md: Flows, email). Pure: no I/O, no clock, no locale of the runtime —
 * the same details give the same bytes in Node and in workerd.
 */

import { CINEMA_UTC_OFFSET_MINUTES } from "../../shared/cinema-time";
import { formatRupees } from "../../shared/money";
import { sortSeatIds } from "../../shared/seat-order";

export { formatRupees, sortSeatIds };

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

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

interface IstParts {
  weekday: string;
  day: number;
  month: string;
  year: number;
  time: string;
}

function istParts(instant: string): IstParts {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${instant}`);
  // Shift the instant by the zone's offset, then read the UTC fields: they are the wall clock in IST.
  const local = new Date(ms + CINEMA_UTC_OFFSET_MINUTES * 60_000);
  const hours = local.getUTCHours();
  const minutes = String(local.getUTCMinutes()).padStart(2, "0");
  return {
    weekday: WEEKDAYS[local.getUTCDay()] as string,
    day: local.getUTCDate(),
    month: MONTHS[local.getUTCMonth()] as string,
    year: local.getUTCFullYear(),
    time: `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`,
  };
}

/** "Friday, 15 March 2024, 7:30 PM IST" — the show's time where the cinemas are. */
export function formatIstDateTime(instant: string): string {
  const p = istParts(instant);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}, ${p.time} IST`;
}

/** "Fri 15 Mar, 7:30 PM" — short enough for a subject line. */
export function formatIstShort(instant: string): string {
  const p = istParts(instant);
  return `${p.weekday.slice(0, 3)} ${p.day} ${p.month.slice(0, 3)}, ${p.time}`;
}

/** Text that goes into HTML: every interpolated value passes through here. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Headers are one line: a CR/LF in a title or name must never become a header break. */
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, " ").trim();

interface Row {
  label: string;
  value: string;
  /** Shown large and monospaced (the ticket code). */
  strong?: boolean;
}

interface Layout {
  subject: string;
  /** Hidden preview line most mail clients show next to the subject. */
  preheader: string;
  greeting: string;
  headline: string;
  banner?: { label: string; value: string; note: string; qrCid?: string };
  rows: Row[];
  paragraphs: string[];
}

function textOf(layout: Layout): string {
  const width = Math.max(...layout.rows.map((r) => r.label.length)) + 2;
  const lines = [layout.greeting, "", layout.headline, ""];
  if (layout.banner) {
    lines.push(`${layout.banner.label.toUpperCase()}: ${layout.banner.value}`, layout.banner.note, "");
  }
  for (const row of layout.rows) lines.push(`${`${row.label}:`.padEnd(width)}${row.value}`);
  lines.push("");
  for (const p of layout.paragraphs) lines.push(p, "");
  lines.push("— Housefull", "");
  return lines.join("\n");
}

const FONT = "font-family:Arial,Helvetica,sans-serif;";

function htmlOf(layout: Layout): string {
  const e = escapeHtml;
  const rows = layout.rows
    .map(
      (r) =>
        `<tr><td style="${FONT}padding:6px 12px 6px 0;color:#666666;font-size:14px;vertical-align:top;white-space:nowrap;">${e(r.label)}</td>` +
        `<td style="${FONT}padding:6px 0;color:#111111;font-size:14px;vertical-align:top;">${e(r.value)}</td></tr>`,
    )
    .join("\n");
  const banner = layout.banner
    ? `<tr><td style="padding:0 24px 16px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border:2px dashed #e23744;border-radius:6px;">
<tr><td align="center" style="${FONT}padding:16px;">
${layout.banner.qrCid ? `<img src="cid:${e(layout.banner.qrCid)}" width="240" height="240" alt="QR code of your ticket" style="display:block;width:240px;height:240px;border:0;margin:0 auto 8px auto;">` : ""}
<div style="${FONT}font-size:12px;letter-spacing:2px;text-transform:uppercase;color:#666666;">${e(layout.banner.label)}</div>
<div style="font-family:'Courier New',Courier,monospace;font-size:30px;font-weight:bold;letter-spacing:3px;color:#111111;padding:6px 0;">${e(layout.banner.value)}</div>
<div style="${FONT}font-size:13px;color:#666666;">${e(layout.banner.note)}</div>
</td></tr>
</table>
</td></tr>`
    : "";
  const paragraphs = layout.paragraphs
    .map((p) => `<p style="${FONT}margin:0 0 12px 0;font-size:14px;line-height:20px;color:#333333;">${e(p)}</p>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(layout.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f4;">
<div style="display:none;max-height:0;overflow:hidden;">${e(layout.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f4;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:8px;">
<tr><td style="${FONT}padding:20px 24px;background-color:#e23744;color:#ffffff;font-size:22px;font-weight:bold;border-radius:8px 8px 0 0;">Housefull</td></tr>
<tr><td style="${FONT}padding:24px 24px 8px 24px;font-size:16px;color:#111111;">${e(layout.greeting)}</td></tr>
<tr><td style="${FONT}padding:0 24px 16px 24px;font-size:20px;font-weight:bold;color:#111111;">${e(layout.headline)}</td></tr>
${banner}
<tr><td style="padding:0 24px 16px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${rows}
</table>
</td></tr>
<tr><td style="padding:0 24px 16px 24px;">
${paragraphs}
</td></tr>
<tr><td style="${FONT}padding:16px 24px;font-size:12px;color:#999999;border-top:1px solid #eeeeee;">Housefull · This email was sent because of a booking made with this address.</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

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

  const refund = d.refund
    ? `A refund of ${formatRupees(d.refund.amount)} was issued on ${formatIstDateTime(d.refund.requestedAt)}. ${REFUND_TIME}`
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
