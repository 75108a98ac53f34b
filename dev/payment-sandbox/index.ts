/**
 * A local stand-in for Stripe (Checkout Sessions, Refunds, Events, signed webhooks) for
 * `npm run dev` and `npm test`. Dev tooling: never imported from `src/`, never bundled. The worker
 * talks to it with its production client (`src/payments/stripe-client.ts`), only `apiBase` differs.
 *
 *   api.ts            /v1/… Stripe's HTTP API subset, auth, idempotency
 *   ledger.ts         sessions, payments, refunds and their events
 *   webhooks.ts       signed delivery with retries, and the delivery switches
 *   checkout-page.ts  the hosted page at each session's `url` ("Pay" / "Decline")
 *   control.ts        /__sandbox/… switches and views for tests
 */
import http from "node:http";
import { pathToFileURL } from "node:url";
import { StripeApi } from "./api.ts";
import { checkoutPage } from "./checkout-page.ts";
import { ControlError, control, endpointsFrom } from "./control.ts";
import { Ledger } from "./ledger.ts";
import { StripeError } from "./objects.ts";
import { type DeliverySwitches, WebhookDispatcher } from "./webhooks.ts";

export const SANDBOX_API_VERSION = "2026-10-28.endive";

export interface PaymentSandboxOptions {
  port?: number;
  host?: string;
  /** The secret key clients must send (`sk_test_…`). */
  apiKey: string;
  /** Signs webhooks (`whsec_…`). */
  webhookSecret: string;
  /** Where events are delivered; more endpoints via `POST /__sandbox/webhooks`. */
  webhookUrl?: string;
  /** Initial delivery switches, e.g. short `retryDelaysMs` for tests. */
  delivery?: Partial<DeliverySwitches>;
  /** Pending → succeeded/failed after this long (default 200 ms). */
  refundDelayMs?: number;
  /** Shortest `expires_at` accepted, from creation (Stripe: 1,800 s). */
  minSessionSeconds?: number;
  log?: (line: string) => void;
}

export interface PaymentSandbox {
  url: string;
  port: number;
  apiKey: string;
  webhookSecret: string;
  ledger: Ledger;
  webhooks: WebhookDispatcher;
  /** Resolves once no delivery or refund settlement is pending (rejects after `timeoutMs`). */
  settled(timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

export async function startPaymentSandbox(opts: PaymentSandboxOptions): Promise<PaymentSandbox> {
  const log = opts.log ?? (() => {});
  let baseUrl = "";
  const webhooks = new WebhookDispatcher(log);
  const ledger = new Ledger({
    apiVersion: SANDBOX_API_VERSION,
    baseUrl: () => baseUrl,
    emit: (event) => webhooks.enqueue(event),
    endpointCount: () => webhooks.endpoints.length,
  });
  const settings = { minSessionSeconds: opts.minSessionSeconds ?? 1_800 };
  const api = new StripeApi(ledger, opts.apiKey, SANDBOX_API_VERSION, () => settings.minSessionSeconds);
  const initialEndpoints = () => (opts.webhookUrl ? endpointsFrom({ url: opts.webhookUrl }, opts.webhookSecret) : []);
  const reset = () => {
    ledger.reset();
    ledger.refundDelayMs = opts.refundDelayMs ?? 200;
    api.idempotency.clear();
    webhooks.reset(initialEndpoints());
    Object.assign(webhooks.switches, opts.delivery);
    settings.minSessionSeconds = opts.minSessionSeconds ?? 1_800;
  };
  reset();
  const ctx = { ledger, webhooks, webhookSecret: opts.webhookSecret, settings, reset };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://sandbox");
    const method = req.method ?? "GET";
    const send = (status: number, headers: Record<string, string>, payload: string) =>
      res.writeHead(status, headers).end(payload);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      send(status, { "Content-Type": "application/json", ...headers }, JSON.stringify(value, null, 2));
    try {
      if (url.pathname.startsWith("/v1/")) {
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]),
        );
        const out = api.handle({ method, path: url.pathname, headers, body });
        return json(out.status, out.body, out.headers);
      }
      const page = checkoutPage(ledger, method, url.pathname);
      if (page) return send(page.status, page.headers, page.body);
      if (url.pathname === "/__sandbox" || url.pathname.startsWith("/__sandbox/")) {
        let parsed: Record<string, unknown> = {};
        if (body.trim()) {
          try {
            parsed = JSON.parse(body);
          } catch {
            throw new ControlError("the body must be JSON");
          }
        }
        return json(200, control(ctx, method, url.pathname, url.searchParams, parsed));
      }
      return json(404, {
        error: { message: `Unrecognized request URL (${method}: ${url.pathname}).`, type: "invalid_request_error" },
      });
    } catch (error) {
      if (error instanceof StripeError) return json(error.status, error.body("req_sandbox"));
      if (error instanceof ControlError) return json(400, { error: { message: error.message, type: "sandbox_error" } });
      log(`payment sandbox: ${method} ${url.pathname} failed: ${(error as Error).stack ?? error}`);
      return json(500, { error: { message: "An unexpected error occurred in the sandbox.", type: "api_error" } });
    }
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(opts.port ?? 0, host, resolve));
  const { port } = server.address() as { port: number };
  baseUrl = `http://${host}:${port}`;
  // Stripe expires sessions on its own once `expires_at` passes, with a `checkout.session.expired` event.
  const sweeper = setInterval(() => ledger.sweep(), 1_000);
  sweeper.unref();

  return {
    url: baseUrl,
    port,
    apiKey: opts.apiKey,
    webhookSecret: opts.webhookSecret,
    ledger,
    webhooks,
    reset,
    async settled(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (webhooks.pending > 0 || ledger.pendingTimers > 0) {
        if (Date.now() > deadline) throw new Error("payment sandbox: deliveries still pending");
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      clearInterval(sweeper);
      webhooks.reset([]);
      ledger.reset();
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      await closed;
    },
  };
}

// Standalone: `tsx dev/payment-sandbox/index.ts` (PORT, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, WEBHOOK_URL).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sandbox = await startPaymentSandbox({
    port: Number(process.env.PORT ?? 12111),
    apiKey: process.env.STRIPE_SECRET_KEY ?? "sk_test_local",
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_local",
    webhookUrl: process.env.WEBHOOK_URL,
    log: console.log,
  });
  console.log(`payment sandbox on ${sandbox.url} (key ${sandbox.apiKey}, webhook secret ${sandbox.webhookSecret})`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGINT", stop).once("SIGTERM", stop);
}
