import { decodeTicketToken, type TicketVerdict, type VerifyKey, verifyTicket } from "../shared/ticket-token";
import type { DoorShow, DoorWindow } from "./door-rules";
import type { OrderAtDoor } from "./door-store";
import { currentVersionOf, judgeScan, type ScanJudgement } from "./judge-scan";

/**
 * How a scan names its ticket: the QR code's signed token, or the short code an usher typed. Both
 * are judged by the same rules (judgeScan: show, window, still confirmed, seats); they differ only in
 * how the ticket is found — the token proves itself by its signature, a code is looked up.
 */
export type ScanCredential = { token: string; code?: undefined } | { code: string; token?: undefined };

/** What to read from the database for these scans: the orders the tokens name, and the typed codes. */
export function lookupsOf(scans: readonly ScanCredential[]): { orderIds: string[]; codes: string[] } {
  const orderIds = new Set<string>();
  const codes = new Set<string>();
  for (const scan of scans) {
    if (scan.code !== undefined) codes.add(scan.code);
    else {
      const decoded = decodeTicketToken(scan.token);
      if (!("malformed" in decoded)) orderIds.add(decoded.ticket.orderId);
    }
  }
  return { orderIds: [...orderIds], codes: [...codes] };
}

/** A typed code stands for the order's current ticket: what its token would say if scanned now. */
async function verdictOfCode(order: OrderAtDoor): Promise<TicketVerdict> {
  return {
    outcome: "VALID",
    keyId: 0,
    ticket: {
      orderId: order.orderId,
      showId: order.showId,
      version: await currentVersionOf(order),
      ticketCode: order.ticketCode ?? "",
      holder: order.customerName ?? "",
      seatIds: order.seatIds,
    },
  };
}

/**
 * One scan judged (nothing written). A typed code no order has is UNKNOWN_CODE; a code of another
 * show or theatre is refused without the ticket's details — typing codes must not turn up who
 * booked what elsewhere (a scanned token carries its own details, a typed code does not).
 */
export async function judgeCredential(scan: {
  credential: ScanCredential;
  orders: readonly OrderAtDoor[];
  verifying: readonly VerifyKey[];
  show: DoorShow;
  window: DoorWindow;
  at: Date;
  seats: readonly string[] | undefined;
}): Promise<ScanJudgement> {
  const { credential, orders, at } = scan;
  const rules = { show: scan.show, window: scan.window, at, seats: scan.seats };
  if (credential.code === undefined) {
    const verdict = await verifyTicket(scan.verifying, credential.token, at);
    const order = verdict.outcome === "VALID" ? orders.find((o) => o.orderId === verdict.ticket.orderId) : undefined;
    return judgeScan({ ...rules, verdict, order });
  }
  const order = orders.find((o) => o.ticketCode === credential.code);
  if (!order)
    return { outcome: "REFUSED", reason: "UNKNOWN_CODE", detail: `No ticket has the code ${credential.code}` };
  const judged = await judgeScan({ ...rules, verdict: await verdictOfCode(order), order });
  if (judged.outcome === "REFUSED" && (judged.reason === "WRONG_SHOW" || judged.reason === "WRONG_THEATRE"))
    return { outcome: "REFUSED", reason: judged.reason, detail: judged.detail };
  return judged;
}
