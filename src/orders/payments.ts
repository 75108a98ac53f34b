/**
 * The payment provider seam. Today the API's own confirm-payment endpoint plays the provider
 * (a simulated gateway that approves every payment). A real gateway replaces `SimulatedPayments`
 * with one whose `verify` checks the gateway's signed webhook before an order is confirmed.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Decides whether a confirmation request is a genuine, successful payment for this order. */
  verify(request: { orderId: string; headers: Headers; body: string }): Promise<PaymentVerdict>;
}

export type PaymentVerdict = { approved: true; reference: string } | { approved: false; reason: string };

export class SimulatedPayments implements PaymentProvider {
  readonly name = "simulated";

  async verify(request: { orderId: string }): Promise<PaymentVerdict> {
    return { approved: true, reference: `sim_${request.orderId}` };
  }
}

export const paymentProvider: PaymentProvider = new SimulatedPayments();
