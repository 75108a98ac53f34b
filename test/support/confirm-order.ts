/**
 * The one way the door tests confirm an order: today `POST /orders/{id}/confirm-payment` (the
 * simulated payment). When real payments replace it with the Stripe webhook, only this function
 * changes. `send` is the suite's own way to reach the worker (SELF in workerd, fetch in e2e).
 */
export async function confirmOrderForTest(
  send: (path: string, init: RequestInit) => Promise<Response>,
  orderId: string,
  headers: Record<string, string>,
): Promise<void> {
  const res = await send(`/api/v1/orders/${orderId}/confirm-payment`, { method: "POST", headers });
  if (res.status !== 200) throw new Error(`confirming ${orderId}: ${res.status} ${await res.text()}`);
}
