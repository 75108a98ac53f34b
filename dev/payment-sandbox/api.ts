/**
 * Stripe's HTTP API, the subset the worker uses: `POST /v1/checkout/sessions`,
 * `GET /v1/checkout/sessions/:id`, `POST /v1/checkout/sessions/:id/expire`, `POST /v1/refunds`,
 * `GET /v1/refunds/:id`, `GET /v1/events/:id`. Bearer (or Basic) secret key, Stripe's parameter
 * validation and error bodies (unknown parameters are refused, as Stripe does, so a typo in the
 * client fails here rather than in production), and `Idempotency-Key` as Stripe applies it.
 */
import { canonical, FormError, type Params, parseStripeForm } from "./form.ts";
import type { Ledger, RequestInfo } from "./ledger.ts";
import { StripeError, stripeId } from "./objects.ts";
import { parseRefund, parseSession } from "./params.ts";

export interface ApiRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface StoredResult {
  endpoint: string;
  params: string;
  requestId: string;
  status: number;
  body: unknown;
}

export class StripeApi {
  /** Idempotency results by `apiKey + key` (Stripe keeps them 24 hours; the sandbox until reset). */
  readonly idempotency = new Map<string, StoredResult>();

  constructor(
    private readonly ledger: Ledger,
    private readonly apiKey: string,
    private readonly apiVersion: string,
    private readonly minSessionSeconds: () => number,
  ) {}

  handle(req: ApiRequest): ApiResponse {
    const requestId = stripeId("req_", 14);
    const headers: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": req.headers["stripe-version"] ?? this.apiVersion,
    };
    const answer = (status: number, body: unknown): ApiResponse => ({ status, headers, body });
    try {
      const key = this.authenticate(req.headers.authorization);
      const params = req.method === "POST" ? parseForm(req.body) : {};
      const endpoint = `${req.method} ${routeOf(req.path)}`;
      const idemKey = req.method === "POST" ? req.headers["idempotency-key"] : undefined;
      if (idemKey !== undefined) {
        if (idemKey.length > 255) throw idempotencyError("Idempotency-Key must be at most 255 characters long.");
        const stored = this.idempotency.get(`${key} ${idemKey}`);
        if (stored) {
          if (stored.endpoint !== endpoint)
            throw idempotencyError(
              `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.endpoint}' vs '${endpoint}'). Try using a key other than '${idemKey}' if you meant to execute a different request.`,
            );
          if (stored.params !== canonical(params))
            throw idempotencyError(
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
            );
          headers["Idempotent-Replayed"] = "true";
          headers["Original-Request"] = stored.requestId;
          return answer(stored.status, stored.body);
        }
      }
      const info: RequestInfo = { id: requestId, idempotencyKey: idemKey ?? null };
      let result: { status: number; body: unknown };
      try {
        result = { status: 200, body: this.route(req.method, req.path, params, info) };
      } catch (error) {
        if (!(error instanceof StripeError) || error.beforeExecution) throw error;
        result = { status: error.status, body: error.body(requestId) };
      }
      if (idemKey !== undefined) {
        this.idempotency.set(`${key} ${idemKey}`, { endpoint, params: canonical(params), requestId, ...result });
        headers["Idempotency-Key"] = idemKey;
      }
      return answer(result.status, result.body);
    } catch (error) {
      if (error instanceof StripeError) {
        if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="Stripe"';
        return answer(error.status, error.body(requestId));
      }
      throw error;
    }
  }

  private authenticate(authorization: string | undefined): string {
    let key: string | undefined;
    if (authorization?.startsWith("Bearer ")) key = authorization.slice(7).trim();
    else if (authorization?.startsWith("Basic "))
      key = Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":")[0];
    if (!key)
      throw new StripeError(
        401,
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      );
    if (key !== this.apiKey)
      throw new StripeError(401, "invalid_request_error", `Invalid API Key provided: ${redact(key)}`);
    return key;
  }

  private route(method: string, path: string, params: Params, info: RequestInfo): unknown {
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const [v1, a, b, c, d] = parts;
    if (v1 === "v1" && a === "checkout" && b === "sessions") {
      if (method === "POST" && parts.length === 3)
        return this.ledger.createSession(parseSession(params, Date.now(), this.minSessionSeconds()));
      if (method === "GET" && parts.length === 4 && c) return this.ledger.session(c);
      if (method === "POST" && parts.length === 5 && c && d === "expire") {
        noParams(params);
        return this.ledger.expireSession(c, info);
      }
    }
    if (v1 === "v1" && a === "refunds") {
      if (method === "POST" && parts.length === 2) return this.ledger.createRefund(parseRefund(params), info);
      if (method === "GET" && parts.length === 3 && b) return this.ledger.refund(b);
    }
    if (v1 === "v1" && a === "events" && method === "GET" && parts.length === 3 && b) return this.ledger.event(b);
    throw new StripeError(
      404,
      "invalid_request_error",
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    );
  }
}

/** `/v1/checkout/sessions/cs_…/expire` → `/v1/checkout/sessions/:id/expire`: what a key is bound to. */
const routeOf = (path: string) => path.replace(/\/(cs|re|evt)_[A-Za-z0-9_]+/g, "/:id");

function parseForm(body: string): Params {
  try {
    return parseStripeForm(body);
  } catch (error) {
    if (error instanceof FormError) throw new StripeError(400, "invalid_request_error", error.message);
    throw error;
  }
}

function noParams(params: Params): void {
  const [first] = Object.keys(params).filter((k) => k !== "expand");
  if (first)
    throw new StripeError(
      400,
      "invalid_request_error",
      `Received unknown parameter: ${first}`,
      "parameter_unknown",
      first,
    );
}

const idempotencyError = (message: string) => new StripeError(400, "idempotency_error", message);

const redact = (key: string) => (key.length > 8 ? `${key.slice(0, 8)}****${key.slice(-4)}` : "****");
