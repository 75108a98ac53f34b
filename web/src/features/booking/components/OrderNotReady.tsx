import type { UseQueryResult } from "@tanstack/react-query";
import { LoadFailed, PageLoading } from "../../../components/StatusViews";
import type { Order } from "../api/booking";
import { missingOrder } from "../lib/missing-order";

/** An order's page before its order is there: loading, or why it could not be loaded (with a retry). */
export function OrderNotReady({
  order,
  what,
  thing,
}: {
  order: UseQueryResult<Order>;
  /** "this booking", "your ticket": what could not be loaded. */
  what: string;
  thing: "booking" | "ticket";
}) {
  if (order.isPending) return <PageLoading />;
  return (
    <LoadFailed error={order.error} what={what} missing={missingOrder(thing)} onRetry={() => void order.refetch()} />
  );
}
