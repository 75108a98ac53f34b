/**
 * The hosted checkout page at a session's `url` (`/c/pay/:id`): the amount and the lines, and two
 * buttons, "Pay" and "Decline". Pay completes the session and redirects (303) to `success_url`
 * with `{CHECKOUT_SESSION_ID}` filled in; Decline says the card was declined and leaves the session
 * open, as Stripe's page does, with a way back to `cancel_url`. A complete or expired session's
 * page says so and offers no button.
 */
import type { Ledger } from "./ledger.ts";
import { rupees, type Session } from "./objects.ts";

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function checkoutPage(ledger: Ledger, method: string, path: string): PageResponse | null {
  const m = /^\/c\/pay\/([A-Za-z0-9_]+)(?:\/(pay|decline))?\/?$/.exec(path);
  if (!m) return null;
  const id = m[1] as string;
  const action = m[2];
  const session = ledger.sessions.has(id) ? ledger.session(id) : null;
  if (!session) return html(404, page("Not found", "<p>This checkout page does not exist.</p>"));
  if (method === "GET" && !action) return html(200, render(ledger, session, null));
  if (method !== "POST" || !action) return html(405, page("Not allowed", "<p>Use the buttons on the page.</p>"));
  if (session.status !== "open") return html(409, render(ledger, session, null));
  if (action === "decline") {
    ledger.declineSession(id);
    return html(200, render(ledger, session, "Your card was declined. Try again, or go back."));
  }
  const paid = ledger.paySession(id);
  if (!paid.success_url) return html(200, render(ledger, ledger.session(id), null));
  return {
    status: 303,
    headers: { Location: paid.success_url.replaceAll("{CHECKOUT_SESSION_ID}", paid.id) },
    body: "",
  };
}

function render(ledger: Ledger, s: Session, notice: string | null): string {
  const lines = (ledger.lineItems.get(s.id) ?? [])
    .map(
      (l) =>
        `<tr><td>${esc(l.description)}</td><td class="n">${l.quantity} × ${rupees(l.price.unit_amount)}</td><td class="n">${rupees(l.amount_total)}</td></tr>`,
    )
    .join("");
  const table = `<table>${lines}<tr class="total"><td>Total</td><td></td><td class="n" data-testid="amount">${rupees(s.amount_total)}</td></tr></table>`;
  const back = s.cancel_url ? `<p><a href="${esc(s.cancel_url)}">← Back to the merchant</a></p>` : "";
  let body: string;
  if (s.status === "complete") {
    body = `<p role="status">This payment is complete. Nothing more to pay.</p>${table}`;
  } else if (s.status === "expired") {
    body = `<p role="status">This checkout session has expired and can no longer be paid.</p>${table}${back}`;
  } else {
    const until = new Date(s.expires_at * 1000).toISOString();
    body = `${notice ? `<p role="alert" class="declined">${esc(notice)}</p>` : ""}${table}
<p class="muted">Test card, no money moves. Open until ${until}.</p>
<form method="post" action="/c/pay/${s.id}/pay"><button type="submit">Pay</button></form>
<form method="post" action="/c/pay/${s.id}/decline"><button type="submit" class="secondary">Decline</button></form>${back}`;
  }
  const title = { open: "Pay", complete: "Paid", expired: "Expired:" }[s.status];
  return page(`${title} ${rupees(s.amount_total)}`, body);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · Payment sandbox</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}table{width:100%;border-collapse:collapse;margin:1rem 0}td{padding:.3rem 0;border-bottom:1px solid #eee}
.n{text-align:right}.total td{font-weight:600;border:0}.muted{color:#666;font-size:.85rem}
button{width:100%;padding:.7rem;margin:.3rem 0;font-size:1rem;border:0;border-radius:6px;background:#635bff;color:#fff;cursor:pointer}
button.secondary{background:#eee;color:#1a1a1a}.declined{background:#fdecea;color:#8a1c12;padding:.6rem;border-radius:6px}
</style></head><body><p class="muted">Payment sandbox (local stand-in for Stripe Checkout)</p><h1>${esc(title)}</h1>${body}</body></html>`;
}

const html = (status: number, body: string): PageResponse => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8" },
  body,
});

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
