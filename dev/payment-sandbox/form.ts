/**
 * Decodes Stripe's form bodies (`a[b][0][c]=v`, `expand[]=x`) into nested objects and arrays, as
 * Stripe's API does. Values stay strings: each endpoint coerces and validates its own parameters.
 */
export type Params = { [key: string]: Param };
export type Param = string | Param[] | Params;

export class FormError extends Error {}

export function parseStripeForm(body: string): Params {
  const root: { [key: string]: Node } = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) throw new FormError(`Invalid parameter name: ${rawKey}`);
    const path = [match[1] as string, ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string)];
    set(root, path, value, rawKey);
  }
  return finish(root) as Params;
}

// Arrays arrive as objects keyed "0", "1", … (or "" for `[]`): build objects first, convert at the end.
type Node = { [key: string]: Node | string } | string;

function set(root: { [key: string]: Node }, path: string[], value: string, rawKey: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    let key = path[i] as string;
    if (key === "") key = String(Object.keys(node).length); // `expand[]=a&expand[]=b`
    if (i === path.length - 1) {
      if (typeof node[key] === "object") throw new FormError(`Invalid parameter: ${rawKey}`);
      node[key] = value;
      return;
    }
    const next = node[key] ?? {};
    if (typeof next === "string") throw new FormError(`Invalid parameter: ${rawKey}`);
    node[key] = next;
    node = next;
  }
}

function finish(node: Node): Param {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    const sorted = keys.map(Number).sort((a, b) => a - b);
    if (sorted.every((k, i) => k === i)) return sorted.map((k) => finish(node[String(k)] as Node));
  }
  return Object.fromEntries(keys.map((k) => [k, finish(node[k] as Node)]));
}

/** Stable text of parsed params, to compare two requests made with one idempotency key. */
export function canonical(params: Param): string {
  if (typeof params === "string") return JSON.stringify(params);
  if (Array.isArray(params)) return `[${params.map(canonical).join(",")}]`;
  return `{${Object.keys(params)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(params[k] as Param)}`)
    .join(",")}}`;
}
