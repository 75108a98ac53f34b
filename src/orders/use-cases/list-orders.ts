import type { Deps } from "../../deps";
import { listOrders as listFromStore } from "../order-reads";
import { orderViewOf } from "../order-view";
import type { OrderView } from "../schemas";

export interface OrderPage {
  items: OrderView[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

/** The caller's orders, newest first, one page of them. */
export async function listOrders(
  deps: Deps,
  input: { userId: string; page: number; pageSize: number },
): Promise<{ outcome: "LISTED"; page: OrderPage }> {
  const { page, pageSize } = input;
  const { rows, total } = await listFromStore(deps.db, input.userId, page, pageSize);
  const now = deps.clock.now();
  const items = rows.map((row) => orderViewOf(row, now, deps.config.CANCELLATION_CUTOFF_MINUTES));
  return { outcome: "LISTED", page: { items, page, pageSize, total, totalPages: Math.ceil(total / pageSize) } };
}
