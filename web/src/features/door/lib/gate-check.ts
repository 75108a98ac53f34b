import { type Ticket, ticketCodeDigest } from "@housefull/shared";
import { type CheckInReply, postCheckIn, type ScanCredential, type SeatAdmission } from "../api/door-api";
import { checkTicketOffline, type DoorAnswer } from "./check-ticket";
import { enqueue, type KeptManifest, keepManifest } from "./door-db";

/** The usher's words for each reason the check-in gives (src/door/door-rules.ts). */
export const REFUSAL_TEXT: Record<string, string> = {
  MALFORMED: "Not a ticket",
  FORGED: "Forged or altered",
  UNKNOWN_KEY: "Unknown signature key",
  KEY_EXPIRED: "Expired ticket key",
  WRONG_SHOW: "Ticket for another show",
  WRONG_THEATRE: "Ticket for another theatre",
  DOORS_NOT_OPEN: "Doors not open yet",
  DOORS_CLOSED: "This show has ended",
  SHOW_CANCELLED: "Show cancelled",
  REVOKED: "Cancelled or refunded",
  SEAT_NOT_ON_TICKET: "Seat not on this ticket",
  UNKNOWN_CODE: "No ticket with this code",
};

export const clockOf = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false });

/** "already admitted at Gate 1, 19:02" (the first admission of the seats asked for). */
export const alreadyText = (earlier: readonly SeatAdmission[]) => {
  const [first] = earlier;
  return first ? `already admitted at ${first.gate}, ${clockOf(first.admittedAt)}` : "already admitted";
};

export interface GateContext {
  showId: string;
  gate: string;
  manifest: KeptManifest | undefined;
}

/** Seats this device knows are in (the manifest, kept current with its own admissions). */
const admittedOf = (manifest: KeptManifest, orderId: string) =>
  manifest.admitted.find((a) => a.orderId === orderId)?.seats ?? [];

async function remember(manifest: KeptManifest | undefined, orderId: string, seats: SeatAdmission[]) {
  if (!manifest || seats.length === 0) return;
  const others = manifest.admitted.filter((a) => a.orderId !== orderId);
  const mine = [...admittedOf(manifest, orderId), ...seats];
  manifest.admitted = [...others, { orderId, seats: mine }];
  await keepManifest(manifest);
}

function answerOfReply(reply: CheckInReply, decoded: Ticket | undefined): DoorAnswer {
  const body = reply.body;
  if (reply.status === 201 && "outcome" in body && body.outcome === "ADMITTED") {
    const ticket = decoded ?? { ...body.ticket, showId: "", version: 0 };
    return { verdict: "ADMIT", ticket, checkedOffline: false, admitted: body.admitted, holder: body.ticket.holder };
  }
  const error = body.error;
  if (error?.code === "ALREADY_ADMITTED")
    return {
      verdict: "REFUSE",
      reason: "Already admitted",
      detail: alreadyText(error.admissions ?? []),
      ticket: error.ticket,
    };
  if (error?.code === "TICKET_REFUSED")
    return {
      verdict: "REFUSE",
      reason: REFUSAL_TEXT[error.reason ?? ""] ?? "Refused",
      detail: error.message,
      ticket: error.ticket,
    };
  if (reply.status === 401)
    return { verdict: "REFUSE", reason: "Signed out", detail: "Sign in again to admit people." };
  return {
    verdict: "REFUSE",
    reason: "Not allowed here",
    detail: error?.message ?? `The server answered ${reply.status}`,
  };
}

/**
 * One scan at the gate — a scanned token or a typed code: online, the check-in decides (first scan
 * wins on the server); with no answer, this device decides from its manifest and queues the
 * admission for the next sync.
 */
export async function admitAtGate(context: GateContext, scan: ScanCredential, now = new Date()): Promise<DoorAnswer> {
  const scanId = crypto.randomUUID();
  const genuine =
    context.manifest && scan.token !== undefined
      ? await checkTicketOffline(context.manifest.keys, scan.token, now)
      : undefined;
  const decoded = genuine?.verdict === "ADMIT" ? genuine.ticket : undefined;
  if (navigator.onLine) {
    const reply = await postCheckIn({ showId: context.showId, gate: context.gate, scanId, ...scan });
    if (reply.status !== 0 && reply.status < 500) {
      const answer = answerOfReply(reply, decoded);
      if (answer.verdict === "ADMIT")
        await remember(
          context.manifest,
          answer.ticket.orderId,
          (answer.admitted ?? []).map((seatId) => ({ seatId, gate: context.gate, admittedAt: now.toISOString() })),
        );
      return answer;
    }
  }
  if (scan.code !== undefined) return admitCodeOffline(context, scan.code, scanId, now);
  if (!context.manifest || !genuine)
    return { verdict: "REFUSE", reason: "No show list", detail: "Connect once so this scanner gets the show's list." };
  if (genuine.verdict !== "ADMIT") return genuine;
  if (genuine.ticket.showId !== context.showId)
    return {
      verdict: "REFUSE",
      reason: REFUSAL_TEXT.WRONG_SHOW as string,
      detail: "Checked on this device, offline.",
      ticket: genuine.ticket,
    };
  return admitOffline(context, genuine.ticket, { token: scan.token }, scanId, now);
}

/**
 * A typed code with no network: looked up in the manifest by its digest (the manifest lists the
 * show's confirmed tickets that way, with their seats and no names), then the same rules as a scan.
 */
async function admitCodeOffline(context: GateContext, code: string, scanId: string, now: Date): Promise<DoorAnswer> {
  const { manifest, showId } = context;
  if (!manifest?.codes)
    return { verdict: "REFUSE", reason: "No show list", detail: "Connect once so this scanner gets the show's list." };
  const digest = await ticketCodeDigest(showId, code);
  const entry = manifest.codes.find((c) => c.digest === digest);
  if (!entry)
    return {
      verdict: "REFUSE",
      reason: REFUSAL_TEXT.UNKNOWN_CODE as string,
      detail: `${code} is not a ticket of this show on this scanner's list.`,
    };
  const ticket: Ticket = {
    orderId: entry.orderId,
    showId,
    version: 0,
    ticketCode: code,
    holder: "",
    seatIds: entry.seatIds,
  };
  return admitOffline(context, ticket, { code }, scanId, now);
}

/** The device's decision (window, revoked, already in), then the admission queued and remembered. */
async function admitOffline(
  { showId, gate, manifest }: GateContext,
  ticket: Ticket,
  scan: ScanCredential,
  scanId: string,
  now: Date,
): Promise<DoorAnswer> {
  if (!manifest)
    return { verdict: "REFUSE", reason: "No show list", detail: "Connect once so this scanner gets the show's list." };
  const refuse = (reason: string, detail: string): DoorAnswer => ({ verdict: "REFUSE", reason, detail, ticket });
  if (now < new Date(manifest.doorsOpenAt))
    return refuse("Doors not open yet", `Doors open at ${clockOf(manifest.doorsOpenAt)}.`);
  if (now > new Date(manifest.doorsCloseAt)) return refuse("This show has ended", "Checked on this device, offline.");
  if (manifest.revoked.some((r) => r.orderId === ticket.orderId))
    return refuse(REFUSAL_TEXT.REVOKED as string, "This ticket was cancelled or refunded.");
  const earlier = admittedOf(manifest, ticket.orderId);
  const rest = ticket.seatIds.filter((s) => !earlier.some((e) => e.seatId === s));
  if (rest.length === 0) return refuse("Already admitted", alreadyText(earlier));
  await enqueue({ scanId, showId, orderId: ticket.orderId, gate, scannedAt: now.toISOString(), seats: rest, ...scan });
  await remember(
    manifest,
    ticket.orderId,
    rest.map((seatId) => ({ seatId, gate, admittedAt: now.toISOString() })),
  );
  return { verdict: "ADMIT", ticket, checkedOffline: true, admitted: rest };
}
