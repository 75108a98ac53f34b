/**
 * Parameter validation for the two create calls, with Stripe's error codes and messages
 * (`parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`, `url_invalid`, …).
 * Parameters Stripe accepts but the sandbox does not model are accepted and ignored.
 */
import type { Param, Params } from "./form.ts";
import type { NewRefund, NewSession } from "./ledger.ts";
import { invalid, type Metadata, rupees } from "./objects.ts";

const SESSION_PARAMS = new Set([
  "mode",
  "line_items",
  "client_reference_id",
  "metadata",
  "success_url",
  "cancel_url",
  "expires_at",
  "currency",
  "customer_email",
  // accepted, not modelled
  "expand",
  "locale",
  "payment_method_types",
  "submit_type",
  "payment_intent_data",
]);
const REFUND_PARAMS = new Set(["payment_intent", "amount", "metadata", "reason", "expand"]);
const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"];
/** Stripe's smallest INR charge: ₹0.50. */
const MIN_AMOUNT_INR = 50;

export function parseSession(p: Params, nowMs: number, minSessionSeconds: number): NewSession {
  known(p, SESSION_PARAMS, "");
  const mode = required(p, "mode");
  if (mode !== "payment")
    throw invalid(`Invalid mode: the sandbox only supports mode=payment`, "parameter_invalid", "mode");
  const rawLines = p.line_items;
  if (rawLines === undefined)
    throw invalid("You must provide at least one line item when mode is payment.", "parameter_missing", "line_items");
  if (!Array.isArray(rawLines) || rawLines.length === 0 || rawLines.length > 100)
    throw invalid("Invalid array", "parameter_invalid_array", "line_items");
  const lines = rawLines.map((raw, i) => {
    const at = `line_items[${i}]`;
    const line = object(raw, at);
    known(line, new Set(["price_data", "quantity", "price"]), at);
    if (line.price !== undefined)
      throw invalid(`No such price: '${str(line.price, `${at}[price]`)}'`, "resource_missing", `${at}[price]`);
    const priceData = object(line.price_data ?? missingParam(`${at}[price_data]`), `${at}[price_data]`);
    known(priceData, new Set(["currency", "unit_amount", "product_data"]), `${at}[price_data]`);
    const product = object(
      priceData.product_data ?? missingParam(`${at}[price_data][product_data]`),
      `${at}[price_data][product_data]`,
    );
    known(product, new Set(["name", "description", "images", "metadata"]), `${at}[price_data][product_data]`);
    return {
      currency: str(
        priceData.currency ?? missingParam(`${at}[price_data][currency]`),
        `${at}[price_data][currency]`,
      ).toLowerCase(),
      name: str(
        product.name ?? missingParam(`${at}[price_data][product_data][name]`),
        `${at}[price_data][product_data][name]`,
      ),
      description:
        product.description === undefined
          ? null
          : str(product.description, `${at}[price_data][product_data][description]`),
      unitAmount: integer(
        priceData.unit_amount ?? missingParam(`${at}[price_data][unit_amount]`),
        `${at}[price_data][unit_amount]`,
      ),
      quantity: integer(line.quantity ?? missingParam(`${at}[quantity]`), `${at}[quantity]`, 1),
    };
  });
  const currency = (
    p.currency === undefined ? lines[0]?.currency : str(p.currency, "currency").toLowerCase()
  ) as string;
  if (lines.some((l) => l.currency !== currency))
    throw invalid("All line items must use the same currency.", "parameter_invalid", "line_items");
  const total = lines.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0);
  if (currency === "inr" && total < MIN_AMOUNT_INR)
    throw invalid(
      `The Checkout Session's total amount due must add up to at least ${rupees(MIN_AMOUNT_INR)} inr`,
      "amount_too_small",
    );
  const now = Math.floor(nowMs / 1000);
  const expiresAt = p.expires_at === undefined ? null : integer(p.expires_at, "expires_at");
  if (expiresAt !== null && expiresAt < now + minSessionSeconds)
    throw invalid(
      `The \`expires_at\` timestamp must be at least ${Math.round(minSessionSeconds / 60)} minutes from Checkout Session creation.`,
      "parameter_invalid_integer",
      "expires_at",
    );
  if (expiresAt !== null && expiresAt > now + 24 * 3600)
    throw invalid(
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
      "parameter_invalid_integer",
      "expires_at",
    );
  const clientReferenceId =
    p.client_reference_id === undefined ? null : str(p.client_reference_id, "client_reference_id");
  if (clientReferenceId !== null && clientReferenceId.length > 200)
    throw invalid(
      "client_reference_id must be at most 200 characters",
      "string_length_exceeds_maximum",
      "client_reference_id",
    );
  return {
    lines,
    currency,
    clientReferenceId,
    metadata: metadata(p.metadata),
    successUrl: p.success_url === undefined ? null : url(p.success_url, "success_url"),
    cancelUrl: p.cancel_url === undefined ? null : url(p.cancel_url, "cancel_url"),
    expiresAt,
    customerEmail: p.customer_email === undefined ? null : str(p.customer_email, "customer_email"),
  };
}

export function parseRefund(p: Params): NewRefund {
  known(p, REFUND_PARAMS, "");
  const reason = p.reason === undefined ? null : str(p.reason, "reason");
  if (reason !== null && !REFUND_REASONS.includes(reason))
    throw invalid(`Invalid reason: must be one of ${REFUND_REASONS.join(", ")}`, "parameter_invalid", "reason");
  return {
    paymentIntent: str(p.payment_intent ?? missingParam("payment_intent"), "payment_intent"),
    amount: p.amount === undefined ? null : integer(p.amount, "amount", 1),
    reason,
    metadata: metadata(p.metadata),
  };
}

function known(p: Params, allowed: Set<string>, at: string): void {
  for (const key of Object.keys(p)) {
    const name = at ? `${at}[${key}]` : key;
    if (!allowed.has(key)) throw invalid(`Received unknown parameter: ${name}`, "parameter_unknown", name);
  }
}

function required(p: Params, name: string): string {
  return str(p[name] ?? missingParam(name), name);
}

function missingParam(name: string): never {
  throw invalid(`Missing required param: ${name}.`, "parameter_missing", name);
}

function str(v: Param, name: string): string {
  if (typeof v !== "string")
    throw invalid(`Invalid string: ${name} must be a string`, "parameter_invalid_string", name);
  return v;
}

function object(v: Param, name: string): Params {
  if (typeof v !== "object" || Array.isArray(v)) throw invalid(`Invalid object`, "parameter_invalid_object", name);
  return v;
}

function integer(v: Param, name: string, min = 0): number {
  const s = str(v, name);
  if (!/^\d{1,15}$/.test(s)) throw invalid(`Invalid integer: ${s}`, "parameter_invalid_integer", name);
  const n = Number(s);
  if (n < min) throw invalid(`This value must be greater than or equal to ${min}.`, "parameter_invalid_integer", name);
  return n;
}

function url(v: Param, name: string): string {
  const s = str(v, name);
  const parsed = URL.canParse(s) ? new URL(s) : null;
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
    throw invalid("Not a valid URL", "url_invalid", name);
  return s;
}

function metadata(v: Param | undefined): Metadata {
  if (v === undefined || v === "") return {};
  const m = object(v, "metadata");
  const entries = Object.entries(m);
  if (entries.length > 50) throw invalid("Metadata can have at most 50 keys.", "parameter_invalid", "metadata");
  for (const [k, value] of entries) {
    if (k.length > 40)
      throw invalid(`Metadata keys can be at most 40 characters long.`, "parameter_invalid", `metadata[${k}]`);
    if (str(value, `metadata[${k}]`).length > 500)
      throw invalid("Metadata values can be at most 500 characters long.", "parameter_invalid", `metadata[${k}]`);
  }
  return Object.fromEntries(entries.filter(([, value]) => value !== "")) as Metadata;
}
