import type { Deps } from "../deps";
import { log } from "../http/request-log";
import { ticketQrPng } from "./ticket-qr-png";
import { issueTicket } from "./use-cases/issue-ticket";

/** An image the email carries inline, shown by `<img src="cid:…">`. */
export interface InlineImage {
  cid: string;
  filename: string;
  contentType: "image/png";
  content: Uint8Array;
}

export const TICKET_QR_CID = "ticket-qr@housefull";

/**
 * The QR code of a confirmed order's ticket for its email, or nothing when no ticket can be issued
 * (no signing keys yet, not confirmed any more): the email then goes out with the code alone.
 */
export async function emailTicketQr(
  deps: Deps,
  order: { orderId: string; userId: string },
): Promise<InlineImage | undefined> {
  try {
    const issued = await issueTicket(deps, order);
    if (issued.outcome !== "ISSUED") return undefined;
    return {
      cid: TICKET_QR_CID,
      filename: `${issued.ticketCode}.png`,
      contentType: "image/png",
      content: await ticketQrPng(issued.token),
    };
  } catch (error) {
    log("warn", "email: ticket QR left out", {
      orderId: order.orderId,
      error: error instanceof Error ? error.name : "error",
    });
    return undefined;
  }
}
