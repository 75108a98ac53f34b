import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { emailLog, type OrderStatus, orders } from "../../src/db/schema";
import { configOf } from "../../src/env";
import {
  buildMimeMessage,
  type EmailTransport,
  emailTransportOf,
  httpEmailApiTransport,
  type OutgoingEmail,
  PermanentEmailError,
  sendEmailBindingTransport,
  TransientEmailError,
} from "../../src/jobs/email/transports";
import { consumeEmailBatch, retryDelaySeconds } from "../../src/jobs/email-consumer";
import { recordingTransport } from "./email-recorder";
import { createShow, db, newUser } from "./fixtures";

// ---------------------------------------------------------------------------------------------
// Orders are inserted straight into Postgres (the orders API is built elsewhere); the consumer
// reads them back through its own Neon client. Only the mail provider is replaced in most tests.
// ---------------------------------------------------------------------------------------------

const unique = () => crypto.randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();

async function insertOrder(
  opts: { status?: OrderStatus; ticketCode?: string | null; customerEmail?: string | null } = {},
): Promise<string> {
  const showId = await createShow({ price: "250.00" });
  const status = opts.status ?? "CONFIRMED";
  const now = new Date();
  const [row] = await db()
    .insert(orders)
    .values({
      userId: newUser("email"),
      showId,
      holdId: `hold-email-${crypto.randomUUID()}`,
      seatIds: ["C4", "C3"],
      customerName: "Asha <b>Rao</b>",
      customerEmail: opts.customerEmail === undefined ? "asha.rao@example.com" : opts.customerEmail,
      customerPhone: "+919876543210",
      amount: "500.00",
      status,
      ticketCode:
        opts.ticketCode !== undefined ? opts.ticketCode : status === "PAYMENT_PENDING" ? null : `BMS${unique()}`,
      confirmedAt: status === "CONFIRMED" || status === "CANCELLED" ? now.toISOString() : null,
      cancelledAt: status === "CANCELLED" ? now.toISOString() : null,
      expiresAt: new Date(now.getTime() + 300_000).toISOString(),
    })
    .returning({ id: orders.id });
  if (!row) throw new Error("order not created");
  return row.id;
}

const orderRow = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
const logRows = (orderId: string) => db().select().from(emailLog).where(eq(emailLog.orderId, orderId));

let seq = 0;
/** A queue batch as the runtime would deliver it, with retry() watched (the result only lists ids). */
function batchOf(bodies: unknown[], attempts = 1) {
  const batch = createMessageBatch<unknown>(
    "housefull-email",
    bodies.map((body) => ({ id: `msg-${Date.now()}-${seq++}`, timestamp: new Date(), attempts, body })),
  );
  const retries = batch.messages.map((m) => vi.spyOn(m, "retry"));
  return { batch, retries };
}

async function consume(bodies: unknown[], transport?: EmailTransport, attempts = 1) {
  const { batch, retries } = batchOf(bodies, attempts);
  const ctx = createExecutionContext();
  await consumeEmailBatch(batch, env, transport ? { transport } : {});
  const result = await getQueueResult(batch, ctx);
  return { batch, retries, result, ids: batch.messages.map((m) => m.id) };
}

describe("consumeEmailBatch: order.confirmed", () => {
  it("sends the ticket once, logs it, and a redelivered message sends nothing", async () => {
    const orderId = await insertOrder();
    const order = await orderRow(orderId);
    const { sent, transport } = recordingTransport();
    const message = { type: "order.confirmed", orderId };

    const first = await consume([message], transport);
    expect(first.result.explicitAcks).toEqual(first.ids);
    expect(first.result.retryMessages).toEqual([]);
    expect(sent).toHaveLength(1);
    const email = sent[0]!;
    expect(email.to).toBe("asha.rao@example.com");
    expect(email.toName).toBe("Asha <b>Rao</b>");
    expect(email.from).toBe(configOf(env).EMAIL_FROM);
    expect(email.subject).toMatch(/^Booking confirmed: /);
    expect(email.text).toContain(order!.ticketCode!);
    expect(email.text).toContain("C3, C4");
    expect(email.text).toContain("₹500.00");
    expect(email.html).toContain("Asha &lt;b&gt;Rao&lt;/b&gt;");
    expect(email.html).not.toContain("<b>Rao</b>");

    const rows = await logRows(orderId);
    expect(rows).toEqual([
      expect.objectContaining({
        orderId,
        kind: "order.confirmed",
        recipient: "asha.rao@example.com",
        providerMessageId: "recorded-1@test",
      }),
    ]);

    // The same message again (a queue redelivery), and twice within one batch.
    const again = await consume([message, message], transport);
    expect(again.result.explicitAcks).toEqual(again.ids);
    expect(sent).toHaveLength(1);
    expect(await logRows(orderId)).toHaveLength(1);
  });

  it("retries with a growing delay when the provider fails transiently; nothing logged, order untouched", async () => {
    const orderId = await insertOrder();
    const before = await orderRow(orderId);
    const { sent, transport } = recordingTransport(() => new TransientEmailError("provider answered 503"));

    for (const [attempts, delaySeconds] of [
      [1, 20],
      [3, 80],
      [9, 600],
    ] as const) {
      const { result, retries, ids } = await consume([{ type: "order.confirmed", orderId }], transport, attempts);
      expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
      expect(result.explicitAcks).toEqual([]);
      expect(retries[0]).toHaveBeenCalledWith({ delaySeconds });
    }
    expect(sent).toHaveLength(0);
    expect(await logRows(orderId)).toEqual([]);
    expect(await orderRow(orderId)).toEqual(before);
  });

  it("acknowledges a permanent refusal (retrying cannot help) and logs no email", async () => {
    const orderId = await insertOrder();
    const { transport } = recordingTransport(() => new PermanentEmailError("provider answered 422"));
    const { result, ids } = await consume([{ type: "order.confirmed", orderId }], transport);
    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);
    expect(await logRows(orderId)).toEqual([]);
  });

  it("sends nothing for an order that is not confirmed (yet), and acknowledges", async () => {
    const pending = await insertOrder({ status: "PAYMENT_PENDING" });
    const cancelled = await insertOrder({ status: "CANCELLED" });
    const noAddress = await insertOrder({ customerEmail: null });
    const { sent, transport } = recordingTransport();
    const { result, ids } = await consume(
      [pending, cancelled, noAddress].map((orderId) => ({ type: "order.confirmed", orderId })),
      transport,
    );
    expect(result.explicitAcks).toEqual(ids);
    expect(sent).toEqual([]);
    for (const orderId of [pending, cancelled, noAddress]) expect(await logRows(orderId)).toEqual([]);
  });

  it("acknowledges a message for an order that does not exist", async () => {
    const { sent, transport } = recordingTransport();
    const { result, ids } = await consume([{ type: "order.confirmed", orderId: crypto.randomUUID() }], transport);
    expect(result.explicitAcks).toEqual(ids);
    expect(sent).toEqual([]);
  });
});

describe("consumeEmailBatch: order.cancelled", () => {
  it("sends the cancellation with its refund note, once", async () => {
    const orderId = await insertOrder({ status: "CANCELLED" });
    const order = await orderRow(orderId);
    const { sent, transport } = recordingTransport();
    const first = await consume([{ type: "order.cancelled", orderId }], transport);
    expect(first.result.explicitAcks).toEqual(first.ids);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/^Booking cancelled: /);
    expect(sent[0]!.text).toContain(`${order!.ticketCode} (no longer valid)`);
    expect(sent[0]!.text).toContain("A refund of ₹500.00 will go back to your original payment method");
    expect(await logRows(orderId)).toEqual([expect.objectContaining({ kind: "order.cancelled" })]);

    await consume([{ type: "order.cancelled", orderId }], transport);
    expect(sent).toHaveLength(1);
  });

  it("a confirmation and a cancellation of one order are two separate emails", async () => {
    const orderId = await insertOrder({ status: "CONFIRMED" });
    const { sent, transport } = recordingTransport();
    await consume([{ type: "order.confirmed", orderId }], transport);
    await db()
      .update(orders)
      .set({ status: "CANCELLED", cancelledAt: new Date().toISOString() })
      .where(eq(orders.id, orderId));
    await consume([{ type: "order.cancelled", orderId }], transport);
    expect(sent.map((m) => m.subject.split(":")[0])).toEqual(["Booking confirmed", "Booking cancelled"]);
    expect((await logRows(orderId)).map((r) => r.kind).sort()).toEqual(["order.cancelled", "order.confirmed"]);
  });

  it("sends nothing for a cancellation message while the order is still confirmed", async () => {
    const orderId = await insertOrder({ status: "CONFIRMED" });
    const { sent, transport } = recordingTransport();
    const { result, ids } = await consume([{ type: "order.cancelled", orderId }], transport);
    expect(result.explicitAcks).toEqual(ids);
    expect(sent).toEqual([]);
  });
});

describe("consumeEmailBatch: bad messages and batches", () => {
  it("acknowledges garbage bodies without throwing, touching neither database nor transport", async () => {
    const { sent, transport } = recordingTransport();
    const bodies = [
      null,
      "x",
      42,
      [],
      {},
      { type: "nope", orderId: crypto.randomUUID() },
      { type: "order.confirmed", orderId: "not-uuid" },
      { type: "order.confirmed" },
    ];
    const { result, ids } = await consume(bodies, transport);
    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("settles each message of a batch on its own: one failure does not touch the others", async () => {
    const good = await insertOrder();
    const failing = await insertOrder();
    const { sent, transport } = recordingTransport((m) =>
      m.idempotencyKey?.startsWith(failing) ? new TransientEmailError("timeout") : undefined,
    );
    const { result, ids } = await consume(
      [{ type: "order.confirmed", orderId: failing }, "garbage", { type: "order.confirmed", orderId: good }],
      transport,
    );
    expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
    expect(result.explicitAcks.sort()).toEqual([ids[1], ids[2]].sort());
    expect(sent).toHaveLength(1);
    expect(await logRows(good)).toHaveLength(1);
    expect(await logRows(failing)).toHaveLength(0);
  });

  it("retries (rather than drops) messages when the database cannot be reached", async () => {
    const orderId = await insertOrder();
    // Postgres on a port where nothing listens: the Neon endpoint answers, the database does not.
    // (Only DATABASE_URL differs: the Neon driver's endpoint and fetch settings are isolate-global.)
    const unreachable = { ...env, DATABASE_URL: "postgres://postgres:postgres@127.0.0.1:9/housefull_test" } as Env;
    const { sent, transport } = recordingTransport();
    const { batch, retries } = batchOf([{ type: "order.confirmed", orderId }], 2);
    const ctx = createExecutionContext();
    await consumeEmailBatch(batch, unreachable, { transport });
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([{ msgId: batch.messages[0]!.id }]);
    expect(retries[0]).toHaveBeenCalledWith({ delaySeconds: 40 });
    expect(sent).toEqual([]);
  });

  it("backs off 20, 40, 80, 160, 320 s, then never more than 10 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelaySeconds)).toEqual([20, 40, 80, 160, 320, 600, 600]);
  });
});

describe("the send_email binding (EMAIL in wrangler.toml)", () => {
  it("the default transport sends a booking through Miniflare's send_email and logs its message id", async () => {
    const orderId = await insertOrder();
    const { result, ids } = await consume([{ type: "order.confirmed", orderId }]);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toEqual(ids);
    const [row] = await logRows(orderId);
    expect(row).toMatchObject({ kind: "order.confirmed", recipient: "asha.rao@example.com" });
    // Miniflare's binding answers with its own id: `<36 random characters@sender's domain>`.
    expect(row!.providerMessageId).toMatch(/^<[A-Za-z0-9]{36}@housefull\.example>$/);
  });

  it("builds a MIME message Miniflare accepts (UTF-8 name, subject and bodies)", async () => {
    const transport = sendEmailBindingTransport(env.EMAIL);
    expect(emailTransportOf(env, configOf(env)).name).toBe("send_email");
    const { messageId } = await transport.send({
      from: "tickets@housefull.example",
      to: "someone@example.com",
      toName: 'Zoë "Z" Fernandes',
      subject: "Booking confirmed: Kaantha · ₹250.00",
      text: "Tickets ₹250.00 — see you there",
      html: "<p>Tickets ₹250.00</p>",
    });
    expect(messageId).not.toBe("");
  });

  it("refuses a header-breaking or malformed address before it reaches the binding (permanent)", async () => {
    const transport = sendEmailBindingTransport(env.EMAIL);
    const base = { from: "tickets@housefull.example", subject: "x", text: "x", html: "x" };
    for (const to of ["someone@example.com\r\nBcc: all@example.com", "Someone <someone@example.com>", "nobody"]) {
      await expect(transport.send({ ...base, to })).rejects.toBeInstanceOf(PermanentEmailError);
    }
  });

  it("writes an RFC 5322 multipart/alternative message: CRLF lines, encoded headers, base64 UTF-8 parts", () => {
    const text = `Tickets ₹250.00 — ${"long line ".repeat(20)}`;
    const html = "<p>Tickets ₹250.00</p>";
    const { raw, messageId } = buildMimeMessage({
      from: "tickets@housefull.example",
      to: "someone@example.com",
      toName: "Zoë Fernandes",
      subject: "Booking confirmed: Kaantha · Fri 15 Mar",
      text,
      html,
    });
    expect(messageId).toMatch(/@housefull\.example$/);
    expect(raw).not.toMatch(/[^\r]\n/);
    const [head, ...rest] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^From: =\?utf-8\?B\?[^?]+\?= <tickets@housefull\.example>$/m);
    expect(head).toMatch(/^To: =\?utf-8\?B\?[^?]+\?= <someone@example\.com>$/m);
    expect(head).toMatch(/^Subject: =\?utf-8\?B\?[^?]+\?=$/m);
    expect(head).toMatch(/^Message-ID: <[^>]+@housefull\.example>$/m);
    expect(head).toMatch(/^Content-Type: multipart\/alternative; boundary=/m);
    const decode = (b64: string) =>
      new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/\r\n/g, "")), (c) => c.charCodeAt(0)));
    const body = rest.join("\r\n\r\n");
    const parts = [
      ...body.matchAll(
        /Content-Type: (text\/\w+); charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n\r\n--/g,
      ),
    ];
    expect(parts.map((p) => p[1])).toEqual(["text/plain", "text/html"]);
    expect(decode(parts[0]![2]!)).toBe(text);
    expect(decode(parts[1]![2]!)).toBe(html);
    for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
    for (const p of parts) for (const line of p[2]!.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
  });
});

describe("the HTTP email API transport", () => {
  const message: OutgoingEmail = {
    from: "tickets@housefull.example",
    to: "asha.rao@example.com",
    subject: "Booking confirmed",
    text: "text",
    html: "<p>html</p>",
    idempotencyKey: "order-1:order.confirmed",
  };

  /** A provider stand-in answering with `status` and recording the request it got. */
  function provider(status: number, body: unknown = { id: "prov-123" }) {
    const requests: Request[] = [];
    const fetchStub = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return Response.json(body, { status });
    }) as typeof fetch;
    return {
      requests,
      transport: httpEmailApiTransport({ url: "https://mail.example/send", apiKey: "k3y", fetch: fetchStub }),
    };
  }

  it("POSTs the email as JSON with the bearer key and returns the provider's id", async () => {
    const { requests, transport } = provider(202);
    expect(await transport.send(message)).toEqual({ messageId: "prov-123" });
    const request = requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://mail.example/send");
    expect(request.headers.get("authorization")).toBe("Bearer k3y");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("idempotency-key")).toBe("order-1:order.confirmed");
    expect(await request.json()).toEqual({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  });

  it.each([500, 502, 503, 429, 408])("%i is transient", async (status) => {
    await expect(provider(status).transport.send(message)).rejects.toBeInstanceOf(TransientEmailError);
  });

  it.each([400, 401, 403, 404, 422])("%i is permanent", async (status) => {
    await expect(provider(status).transport.send(message)).rejects.toBeInstanceOf(PermanentEmailError);
  });

  it("a network failure or timeout is transient", async () => {
    const down = httpEmailApiTransport({
      url: "https://mail.example/send",
      apiKey: "k",
      fetch: (async () => {
        throw new TypeError("Network connection lost.");
      }) as typeof fetch,
    });
    await expect(down.send(message)).rejects.toBeInstanceOf(TransientEmailError);
    const slow = httpEmailApiTransport({
      url: "https://mail.example/send",
      apiKey: "k",
      timeoutMs: 50,
      fetch: ((_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        })) as typeof fetch,
    });
    await expect(slow.send(message)).rejects.toBeInstanceOf(TransientEmailError);
  });

  it("is picked by EMAIL_TRANSPORT=http, which needs EMAIL_API_URL and EMAIL_API_KEY", () => {
    const withVars = (vars: Record<string, string>) => ({ ...env, ...vars }) as Env;
    const transportFor = (vars: Record<string, string>) => emailTransportOf(withVars(vars), configOf(withVars(vars)));
    expect(
      transportFor({ EMAIL_TRANSPORT: "http", EMAIL_API_URL: "https://mail.example/send", EMAIL_API_KEY: "k" }).name,
    ).toBe("http");
    expect(transportFor({}).name).toBe("send_email");
    expect(() => transportFor({ EMAIL_TRANSPORT: "http" })).toThrow(/EMAIL_API_URL/);
    expect(() => transportFor({ EMAIL_TRANSPORT: "http", EMAIL_API_URL: "https://mail.example/send" })).toThrow(
      /EMAIL_API_KEY/,
    );
    expect(() => transportFor({ EMAIL_TRANSPORT: "carrier-pigeon" })).toThrow(/EMAIL_TRANSPORT/);
  });
});
