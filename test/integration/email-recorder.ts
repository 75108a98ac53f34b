import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { BookingEmailKind } from "../../src/jobs/email/render";
import type { EmailTransport, OutgoingEmail } from "../../src/jobs/email/transports";
import { consumeEmailBatch } from "../../src/jobs/email-consumer";

/** A mail provider stand-in: records what it is asked to send, or fails as told. */
export function recordingTransport(fail?: (message: OutgoingEmail) => Error | undefined) {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "recording",
    async send(message) {
      const error = fail?.(message);
      if (error) throw error;
      sent.push(message);
      return { messageId: `recorded-${sent.length}@test` };
    },
  };
  return { sent, transport };
}

/** The email consumer run on one booking message, as the queue delivers it: what it sent, and the batch. */
export async function emailsFor(type: BookingEmailKind, orderId: string) {
  const { sent, transport } = recordingTransport();
  const batch = createMessageBatch<unknown>("housefull-email", [
    { id: `mail-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body: { type, orderId } },
  ]);
  await consumeEmailBatch(batch, env, { transport });
  return { sent, batch };
}
