import { cancellationFeeOf, cancellationWindowOf, policyOfTheatre } from "../domain/cancellation-policy";
import { cancellationVerdict } from "../domain/order-rules";
import { DEFAULT_LAYOUT } from "../domain/seat-layout";
import { formatPaise, toPaise } from "../shared/money";
import type { OrderRow } from "./order-reads";
import { receiptOf } from "./receipt";
import type { OrderView } from "./schemas";

const iso = (text: string) => new Date(text).toISOString();
const isoOrNull = (text: string | null) => (text === null ? null : iso(text));

/** Whether the order may be cancelled now (the same rule the cancel statement applies). */
export const cancellationOf = (row: OrderRow, now: Date, cancellationCutoffMinutes: number) =>
  cancellationVerdict(
    { status: row.order.status, expiresAt: row.order.expiresAt },
    { startTime: row.show.startTime, policy: policyOfTheatre(row.theatre) },
    now,
    cancellationCutoffMinutes,
  );

/** The paid booking's cancellation terms as they stand: until when, the fee, what would come back. */
function cancellationTermsOf(row: OrderRow, now: Date, cutoffMinutes: number) {
  const { order } = row;
  if (order.status !== "PAYMENT_PENDING" && order.status !== "CONFIRMED") return null;
  const window = cancellationWindowOf(policyOfTheatre(row.theatre), row.show.startTime, cutoffMinutes, now);
  if (!window) return null;
  // A show the theatre cancelled keeps no fee (order-store.ts: cancelOrder).
  const feePercent = row.show.status === "CANCELLED" ? 0 : window.feePercent;
  const paid = toPaise(order.amount);
  const fee = cancellationFeeOf(paid, toPaise(order.convenienceFee), feePercent);
  return { ...window, feePercent, fee: formatPaise(fee), refund: formatPaise(paid - fee) };
}

/** The API's view of an order (docs/API.md: Order). */
export function orderViewOf(row: OrderRow, now: Date, cancellationCutoffMinutes: number): OrderView {
  const { order, show, movie, theatre } = row;
  return {
    orderId: order.id,
    status: order.status,
    holdId: order.holdId,
    seatIds: order.seatIds,
    amount: order.amount,
    convenienceFee: order.convenienceFee,
    receipt: receiptOf(row.layout ?? DEFAULT_LAYOUT, show, order.seatIds, order.convenienceFee, order.amount),
    paidAt: isoOrNull(order.paidAt),
    refund:
      order.refundStatus && order.refundAmount && order.refundRequestedAt
        ? {
            status: order.refundStatus,
            reason: order.refundReason,
            amount: order.refundAmount,
            requestedAt: iso(order.refundRequestedAt),
            updatedAt: isoOrNull(order.refundUpdatedAt),
            failure: order.refundFailure,
          }
        : null,
    ticketCode: order.ticketCode,
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    createdAt: iso(order.createdAt),
    expiresAt: iso(order.expiresAt),
    confirmedAt: isoOrNull(order.confirmedAt),
    cancelledAt: isoOrNull(order.cancelledAt),
    cancellable: cancellationOf(row, now, cancellationCutoffMinutes).allowed,
    cancellation: cancellationTermsOf(row, now, cancellationCutoffMinutes),
    show: {
      id: order.showId,
      startTime: iso(show.startTime),
      movie: {
        id: movie.id,
        title: movie.title,
        posterUrl: movie.thumbnailUrl,
        language: movie.language,
        format: movie.format,
        durationMins: movie.durationMins,
        ageRating: movie.ageRating,
      },
      theatre: {
        id: theatre.id,
        name: theatre.name,
        city: theatre.city,
        address: theatre.address,
        cancellationAvailable: theatre.cancellationAvailable,
      },
    },
  };
}
