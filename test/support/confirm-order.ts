/**
 * Confirms an order the only way there is: paying it. Starts the payment (`POST
 * /orders/{id}/payment`), presses "Pay" on the payment sandbox (its control API, the same effect as
 * the hosted page's button), and waits until the webhook the sandbox delivers has confirmed the
 * order. For stacks whose worker the sandbox can push to (e2e, `npm run dev`); the workerd suites
 * deliver the signed event themselves (`payOrder` in test/integration/payments.ts).
 */
export async function confirmOrderForTest(
  send: (path: string, init: RequestInit) => Promise<Response>,
  orderId: string,
  headers: Record<string, string>,
): Promise<void> {
  const started = await send(`/api/v1/orders/${orderId}/payment`, { method: "POST", headers });
  if (started.status !== 200 && started.status !== 201) {
    throw new Error(`starting payment of ${orderId}: ${started.status} ${await started.text()}`);
  }
  const { url } = (await started.json()) as { url: string };
  const checkout = new URL(url);
  const sessionId = checkout.pathname.split("/").pop();
  const paid = await fetch(`${checkout.origin}/__sandbox/sessions/${sessionId}/pay`, { method: "POST" });
  if (!paid.ok) throw new Error(`sandbox pay of ${sessionId}: ${paid.status} ${await paid.text()}`);
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    const order = await send(`/api/v1/orders/${orderId}`, { headers });
    if (order.ok && ((await order.json()) as { status: string }).status === "CONFIRMED") return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`order ${orderId} was not confirmed by the sandbox's webhook within 15 s`);
}
