import { sendSignInCode } from "../accounts/sign-in-code-email";
import { type Database, databaseOf } from "../db/client";
import { and, eq } from "../db/drizzle";
import { orderShow, showLayout, showMovie, showTheatre } from "../db/joins";
import { emailLog, movies, orders, seatLayouts, shows, theatres } from "../db/schema";
import { depsOfEnv } from "../deps";
import { DEFAULT_LAYOUT } from "../domain/seat-layout";
import { emailTicketQr, type InlineImage } from "../door/email-ticket-qr";
import { type Config, configOf } from "../env";
import { log } from "../http/request-log";
import { receiptOf } from "../orders/receipt";
import { type BookingEmailDetails, renderBookingEmail } from "./email/render";
import { type EmailTransport, emailTransportOf, PermanentEmailError } from "./email/transports";
import { type BookingEmailMessage, type EmailMessage, emailMessageSchema } from "./messages";

export { type EmailMessage, emailMessageSchema };

/** Whether the order is in the state an email of this kind is about; otherwise there is nothing to send. */
const ABOUT: Record<BookingEmailMessage["type"], (o: { status: string; refundReason: string | null }) => boolean> = {
  "order.confirmed": (o) => o.status === "CONFIRMED",
  "order.cancelled": (o) => o.status === "CANCELLED",
  // Money that arrived for an order that could not be filled: never confirmed, refunded in full.
  "order.refunded": (o) => o.status !== "CONFIRMED" && o.refundReason !== null && o.refundReason !== "CANCELLED",
  // The theatre cancelled the show: every order it had was cancelled (and refunded if paid).
  "show.cancelled": (o) => o.status === "CANCELLED",
};

/** Seconds before a failed message is delivered again: 20, 40, 80, 160, 320, then 600 at most. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts) * 10, 600);
}

export interface EmailConsumerDeps {
  transport?: EmailTransport;
  now?: () => Date;
}

type Outcome = "sent" | "duplicate" | "invalid" | "unknown-order" | "nothing-to-send" | "rejected" | "retry";

/** The order, its show, movie and theatre, and whether this email was already sent: one query. */
async function loadOrder(db: Database, { orderId, type }: BookingEmailMessage) {
  const [row] = await db
    .select({
      orderId: orders.id,
      userId: orders.userId,
      status: orders.status,
      customerName: orders.customerName,
      customerEmail: orders.customerEmail,
      ticketCode: orders.ticketCode,
      seatIds: orders.seatIds,
      amount: orders.amount,
      cancelledAt: orders.cancelledAt,
      convenienceFee: orders.convenienceFee,
      refundStatus: orders.refundStatus,
      refundReason: orders.refundReason,
      refundAmount: orders.refundAmount,
      refundRequestedAt: orders.refundRequestedAt,
      paymentMethod: orders.paymentMethod,
      price: shows.price,
      categoryPrices: shows.categoryPrices,
      layout: seatLayouts.layout,
      startTime: shows.startTime,
      movieTitle: movies.title,
      theatreName: theatres.name,
      theatreAddress: theatres.address,
      alreadySentAt: emailLog.sentAt,
    })
    .from(orders)
    .innerJoin(shows, orderShow)
    .innerJoin(movies, showMovie)
    .innerJoin(theatres, showTheatre)
    .leftJoin(seatLayouts, showLayout)
    .leftJoin(emailLog, and(eq(emailLog.orderId, orders.id), eq(emailLog.kind, type)))
    .where(eq(orders.id, orderId))
    .limit(1);
  return row;
}

async function recordSent(db: Database, row: typeof emailLog.$inferInsert) {
  await db.insert(emailLog).values(row).onConflictDoNothing();
}

const iso = (value: string) => new Date(value).toISOString();

/**
 * One message, start to finish; always ends in exactly one ack() or retry(). Logs carry ids,
 * kinds, attempts and outcomes — never an address, name or phone number.
 */
async function handleMessage(
  message: Message<unknown>,
  db: () => Database,
  transport: () => { transport: EmailTransport; from: string },
  now: () => Date,
  config: () => Config,
  ticketQr: (order: { orderId: string; userId: string }) => Promise<InlineImage | undefined>,
): Promise<Outcome> {
  const base = { messageId: message.id, attempt: message.attempts };
  const parsed = emailMessageSchema.safeParse(message.body);
  if (!parsed.success) {
    log("warn", "email message rejected", { ...base, issues: parsed.error.issues.length, outcome: "invalid" });
    message.ack();
    return "invalid";
  }
  if (parsed.data.type === "auth.email-code")
    return sendSignInCode(message, parsed.data.sealed, { transport, now, config, retryDelaySeconds });
  const email = parsed.data;
  const fields = { ...base, orderId: email.orderId, type: email.type };
  let transportName: string | undefined;
  try {
    const order = await loadOrder(db(), email);
    if (!order) {
      log("warn", "email for unknown order", { ...fields, outcome: "unknown-order" });
      message.ack();
      return "unknown-order";
    }
    if (order.alreadySentAt) {
      log("info", "email already sent", { ...fields, outcome: "duplicate" });
      message.ack();
      return "duplicate";
    }
    const recipient = order.customerEmail;
    const reason = !ABOUT[email.type](order)
      ? `order is ${order.status}`
      : email.type === "order.confirmed" && !order.ticketCode
        ? "confirmed order has no ticket code"
        : undefined;
    if (reason || !recipient) {
      log("info", "email: nothing to send", {
        ...fields,
        reason: reason ?? "order has no email address",
        outcome: "nothing-to-send",
      });
      message.ack();
      return "nothing-to-send";
    }

    const details: BookingEmailDetails = {
      orderId: order.orderId,
      customerName: order.customerName ?? "",
      customerEmail: recipient,
      ticketCode: order.ticketCode,
      seatIds: order.seatIds,
      amount: order.amount,
      movieTitle: order.movieTitle,
      theatreName: order.theatreName,
      theatreAddress: order.theatreAddress,
      startTime: iso(order.startTime),
      cancelledAt: order.cancelledAt ? iso(order.cancelledAt) : null,
      receipt: receiptOf(order.layout ?? DEFAULT_LAYOUT, order, order.seatIds, order.convenienceFee, order.amount),
      refund:
        order.refundStatus && order.refundAmount && order.refundRequestedAt
          ? {
              amount: order.refundAmount,
              requestedAt: iso(order.refundRequestedAt),
              status: order.refundStatus,
              reason: order.refundReason,
            }
          : null,
      paidAtCounter: order.paymentMethod === "counter",
    };
    // The confirmation carries the ticket's QR code as an inline PNG (docs/TICKETS.md: email).
    const qr = email.type === "order.confirmed" ? await ticketQr(order) : undefined;
    const rendered = renderBookingEmail(email.type, { ...details, ticketQrCid: qr?.cid });
    const { transport: sender, from } = transport();
    transportName = sender.name;
    const sent = await sender.send({
      from,
      to: details.customerEmail,
      toName: details.customerName || undefined,
      ...rendered,
      idempotencyKey: `${email.orderId}:${email.type}`,
      inlineImages: qr ? [qr] : undefined,
    });

    // The email is out. From here on a retry would send it twice, so a failing log write is
    // retried once in place and otherwise only reported: a missing log row beats a second email.
    const logRow = {
      orderId: email.orderId,
      kind: email.type,
      recipient: details.customerEmail,
      providerMessageId: sent.messageId || null,
      sentAt: now().toISOString(),
    };
    try {
      await recordSent(db(), logRow).catch(() => recordSent(db(), logRow));
    } catch (error) {
      log("error", "email sent but not logged", { ...fields, transport: transportName, error: errorName(error) });
    }
    log("info", "email sent", { ...fields, transport: transportName, outcome: "sent" });
    message.ack();
    return "sent";
  } catch (error) {
    if (error instanceof PermanentEmailError) {
      log("error", "email refused by provider", {
        ...fields,
        transport: transportName,
        error: error.message,
        outcome: "rejected",
      });
      message.ack();
      return "rejected";
    }
    // Email provider down or slow, database unreachable, configuration missing: try again later.
    // After max_retries (wrangler.toml) the queue moves the message to the dead-letter queue.
    const delaySeconds = retryDelaySeconds(message.attempts);
    log("warn", "email failed, will retry", {
      ...fields,
      transport: transportName,
      error: errorName(error),
      delaySeconds,
      outcome: "retry",
    });
    message.retry({ delaySeconds });
    return "retry";
  }
}

/** The error's class and, for our own email errors, their message (which never holds PII). */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  return /EmailError$/.test(error.name) ? `${error.name}: ${error.message}` : error.name;
}

/**
 * Consumer of the email queue (docs/API.md: Flows, email). Messages of a batch are handled concurrently and
 * independently: each is acknowledged or retried on its own, and one failure never touches the
 * others. Bad messages are acknowledged (retrying could never help); an email already in
 * `email_log` is not sent again, so a redelivered message sends nothing.
 */
export async function consumeEmailBatch(
  batch: MessageBatch<unknown>,
  env: Env,
  deps: EmailConsumerDeps = {},
): Promise<void> {
  const now = deps.now ?? (() => new Date());
  // Resolved lazily, inside each message's try: a missing secret retries the messages instead of
  // failing the whole batch, and a batch of garbage needs neither a database nor a transport.
  const db = () => databaseOf(configOf(env));
  const transport = () => {
    const config = configOf(env);
    return { transport: deps.transport ?? emailTransportOf(env, config), from: config.EMAIL_FROM };
  };
  const outcomes = await Promise.all(
    batch.messages.map((message) =>
      handleMessage(
        message,
        db,
        transport,
        now,
        () => configOf(env),
        (order) => emailTicketQr(depsOfEnv(env), order),
      ).catch((error: unknown) => {
        // handleMessage settles every message itself; this is the last guard against a bug there.
        log("error", "email consumer failed", { messageId: message.id, error: errorName(error) });
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
        return "retry" as const;
      }),
    ),
  );
  const counts: Partial<Record<Outcome, number>> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  log("info", "email batch", { queue: batch.queue, messages: batch.messages.length, ...counts });
}
