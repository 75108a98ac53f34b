/**
 * Stripe's request bodies are `application/x-www-form-urlencoded` with nested keys:
 * `line_items[0][price_data][unit_amount]=25000`, `metadata[order_id]=…`. Brackets stay unencoded,
 * as stripe-node sends them (Stripe accepts both). `undefined` is left out; `null` sends an empty
 * value, which Stripe reads as "unset".
 */
export type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

export function encodeStripeForm(params: Record<string, FormValue>): string {
  const pairs: string[] = [];
  const walk = (key: string, value: FormValue) => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(`${key}[${i}]`, item);
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    } else {
      pairs.push(`${encodeKey(key)}=${encodeURIComponent(value === null ? "" : String(value))}`);
    }
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return pairs.join("&");
}

const encodeKey = (key: string) => encodeURIComponent(key).replace(/%5B/g, "[").replace(/%5D/g, "]");
