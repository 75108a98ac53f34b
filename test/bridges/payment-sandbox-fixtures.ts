// Shared by the payment sandbox tests: a sandbox with short retry delays, a tiny webhook receiver
// that records every delivery, and a Checkout Session request like the worker's.
import http from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type PaymentSandbox, startPaymentSandbox } from "../../dev/payment-sandbox/index.ts";
import {
  type CreateCheckoutSessionParams,
  createStripeClient,
  StripeApiError,
  type StripeClient,
} from "../../src/payments/stripe-client.ts";

export const API_KEY = "sk_test_sandbox_conformance";
export const WEBHOOK_SECRET = "whsec_sandbox_conformance";

export interface Delivery {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; data: { object: Record<string, unknown> } };
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Status to answer per delivery (default 200). */
  answer: (d: Delivery) => number;
  ofType(type: string): Delivery[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const receiver = {
    deliveries,
    answer: (_: Delivery) => 200,
    ofType: (type: string) => deliveries.filter((d) => d.event.type === type),
  } as Receiver;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const delivery: Delivery = { at: Date.now(), headers: req.headers, body, event: JSON.parse(body) };
    deliveries.push(delivery);
    res.writeHead(receiver.answer(delivery)).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook`;
  receiver.close = async () => {
    const closed = new Promise((r) => server.close(r));
    server.closeAllConnections();
    await closed;
  };
  return receiver;
}

export function startTestSandbox(webhookUrl?: string): Promise<PaymentSandbox> {
  return startPaymentSandbox({
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl,
    refundDelayMs: 50,
    delivery: { retryDelaysMs: [20, 40, 80], timeoutMs: 2_000 },
  });
}

let orderNumber = 0;
export function sessionRequest(overrides: Partial<CreateCheckoutSessionParams> = {}): CreateCheckoutSessionParams {
  const orderId = `ord_${++orderNumber}_${Date.now()}`;
  return {
    lines: [
      { name: "Gold · Row F", unitAmount: 25_000, quantity: 2 },
      { name: "Convenience fee", unitAmount: 3_540, quantity: 1 },
    ],
    clientReferenceId: orderId,
    metadata: { order_id: orderId },
    successUrl: `http://localhost:8787/orders/${orderId}?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `http://localhost:8787/orders/${orderId}`,
    ...overrides,
  };
}

/** Polls until `check` returns something truthy (deliveries arrive in the background). */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function controlCall<T = Record<string, unknown>>(
  sandbox: PaymentSandbox,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

/** The StripeApiError a call fails with (the test fails if it succeeds or throws something else). */
export async function stripeError(promise: Promise<unknown>): Promise<StripeApiError> {
  const error = await promise.then(
    () => new Error("expected a StripeApiError, the call succeeded"),
    (e: unknown) => e,
  );
  if (!(error instanceof StripeApiError)) throw error;
  return error;
}

/** What the worker's client sent: each request's URL and options. */
export interface SentRequest {
  url: string;
  init: RequestInit;
}

/** One test file's sandbox, delivering webhooks to a local receiver, and the worker's client recording what it sends. */
export interface SandboxSuite {
  sandbox: PaymentSandbox;
  receiver: Receiver;
  stripe: StripeClient;
  sent: SentRequest[];
}

/** Registers the file's hooks: started before its first test, stopped after its last, `sent` emptied between tests. */
export function sandboxSuite(): SandboxSuite {
  const suite: Partial<SandboxSuite> & { sent: SentRequest[] } = { sent: [] };
  beforeAll(async () => {
    const receiver = await startReceiver();
    const sandbox = await startTestSandbox(receiver.url);
    suite.receiver = receiver;
    suite.sandbox = sandbox;
    suite.stripe = createStripeClient({
      apiBase: sandbox.url,
      secretKey: API_KEY,
      fetch: (input, init) => {
        suite.sent.push({ url: String(input), init: init ?? {} });
        return fetch(input, init);
      },
    });
  });
  afterAll(async () => {
    await suite.sandbox?.close();
    await suite.receiver?.close();
  });
  beforeEach(() => {
    suite.sent.length = 0;
  });
  return suite as SandboxSuite;
}
