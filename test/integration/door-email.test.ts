import { createExecutionContext, getQueueResult } from "cloudflare:test";
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { buildMimeMessage, type OutgoingEmail } from "../../src/jobs/email/transports";
import { readBitmapPng } from "../support/png";
import { emailsFor } from "./email-recorder";
import { asUser, createShow, newUser, placeOrder } from "./fixtures";
import { call } from "./http";
import { payOrder } from "./payments";

async function confirmationEmailOf(orderId: string): Promise<OutgoingEmail> {
  const { sent, batch } = await emailsFor("order.confirmed", orderId);
  expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toHaveLength(1);
  expect(sent).toHaveLength(1);
  return sent[0] as OutgoingEmail;
}

describe("the confirmation email's QR code", () => {
  it("is an inline PNG (cid:) that decodes to the very token GET …/ticket returns", async () => {
    const userId = newUser("door-email");
    const order = await placeOrder(userId, await createShow(), ["G3", "G4"]);
    expect((await payOrder(userId, order.orderId)).webhook.status).toBe(200);
    const email = await confirmationEmailOf(order.orderId);

    const [image] = email.inlineImages ?? [];
    expect(image).toMatchObject({ cid: "ticket-qr@housefull", contentType: "image/png" });
    expect(email.html).toContain('<img src="cid:ticket-qr@housefull"');
    const png = await readBitmapPng(image?.content as Uint8Array);
    const decoded = jsQR(png.rgba, png.width, png.height)?.data;
    const ticket = (await (
      await call(`/api/v1/orders/${order.orderId}/ticket`, { headers: asUser(userId) })
    ).json()) as {
      token: string;
    };
    expect(decoded).toBe(ticket.token);

    // On the wire: multipart/related, the PNG as an inline part named by its Content-ID.
    const { raw } = buildMimeMessage(email);
    expect(raw).toContain("Content-Type: multipart/related");
    expect(raw).toContain("Content-ID: <ticket-qr@housefull>");
    expect(raw).toMatch(/Content-Disposition: inline; filename="BMS[0-9A-F]{8}\.png"/);
  });
});
