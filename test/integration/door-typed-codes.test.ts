// The typed ticket code (`BMS…`) at the door, on the real stack: online it is looked up and judged by
// the same rules as a scanned token; the manifest lets a scanner resolve it offline without carrying
// personal data; an offline-typed admission syncs like a scanned one.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shows } from "../../src/db/schema";
import { ticketCodeDigest } from "../../src/shared/door-code";
import { decodeTicketToken } from "../../src/shared/ticket-token";
import * as door from "./door-checkin-fixtures";
import { asUser, db } from "./fixtures";
import { call, errorOf } from "./http";

let showId: string;
let theatreId: string;
let tickets: door.PaidTicket[];
let usher: string;

beforeAll(async () => {
  ({ showId, theatreId, tickets } = await door.openShow([["F1", "F2"], ["F3"], ["F4"], ["F5"], ["F6", "F7"]], {
    cancel: [2],
  }));
  usher = await door.staffMember("usher", theatreId);
});

const codeOf = (ticket: door.PaidTicket) => {
  const decoded = decodeTicketToken(ticket.token);
  if ("malformed" in decoded) throw new Error("not a token");
  return decoded.ticket.ticketCode;
};

async function refused(res: Response) {
  expect(res.status).toBe(422);
  const error = await errorOf(res);
  expect(error.code).toBe("TICKET_REFUSED");
  return error as unknown as { reason: string; message: string; ticket?: unknown };
}

describe("a typed ticket code at the gate, online", () => {
  it("admits by code as by token (case and spaces forgiven); a replay, by code or by QR, is already admitted", async () => {
    const ticket = tickets[0] as door.PaidTicket;
    const code = codeOf(ticket);
    const typed = `${code.slice(0, 3)} ${code.slice(3).toLowerCase()}`;
    const res = await door.scan(usher, { showId, gate: "Gate 1", code: typed });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      outcome: "ADMITTED",
      ticket: { orderId: ticket.orderId, ticketCode: code, holder: "Asha Rao", seatIds: ["F1", "F2"] },
      admitted: ["F1", "F2"],
      earlier: [],
    });
    const before = await door.admissionsOf(ticket.orderId);
    expect(before.map((a) => [a.seatId, a.gate, a.source])).toEqual([
      ["F1", "Gate 1", "online"],
      ["F2", "Gate 1", "online"],
    ]);
    for (const again of [{ code }, { token: ticket.token }]) {
      const replay = await door.scan(usher, { showId, gate: "Gate 2", ...again });
      expect(replay.status).toBe(409);
      const error = await errorOf(replay);
      expect(error.code).toBe("ALREADY_ADMITTED");
      expect((error.admissions as { gate: string }[]).map((a) => a.gate)).toEqual(["Gate 1", "Gate 1"]);
    }
    expect(await door.admissionsOf(ticket.orderId)).toEqual(before);
  });

  it("admits a multi-seat order in part by code, then the rest; a seat not on it is refused", async () => {
    const ticket = tickets[4] as door.PaidTicket;
    const code = codeOf(ticket);
    const first = await door.scan(usher, { showId, gate: "Gate 1", code, seats: ["F7"] });
    expect(await first.json()).toMatchObject({ admitted: ["F7"], earlier: [] });
    const rest = await door.scan(usher, { showId, gate: "Gate 2", code });
    expect(await rest.json()).toMatchObject({ admitted: ["F6"], earlier: [{ seatId: "F7", gate: "Gate 1" }] });
    expect((await refused(await door.scan(usher, { showId, gate: "Gate 1", code, seats: ["A1"] }))).reason).toBe(
      "SEAT_NOT_ON_TICKET",
    );
  });

  it("refuses an unknown code, a revoked ticket's code, another show's and another theatre's, writing nothing", async () => {
    const revoked = tickets[2] as door.PaidTicket;
    const elsewhere = await door.openShow([["A1"]]);
    const [other] = elsewhere.tickets as [door.PaidTicket];
    const cases: [string, string][] = [
      ["BMS00000000", "UNKNOWN_CODE"],
      [codeOf(revoked), "REVOKED"],
      [codeOf(other), "WRONG_SHOW"],
    ];
    for (const [code, reason] of cases) {
      const error = await refused(await door.scan(usher, { showId, gate: "Gate 1", code }));
      expect(error.reason, code).toBe(reason);
      // A code typed at the wrong gate shows nothing of the booking (a scanned token carries its own).
      if (reason !== "REVOKED") expect(error.ticket, code).toBeUndefined();
    }
    // Another theatre: this theatre's code typed at that theatre's gate.
    const theirTheatre = await door.otherTheatre();
    await db().update(shows).set({ theatreId: theirTheatre }).where(eq(shows.id, elsewhere.showId));
    const theirUsher = await door.staffMember("usher", theirTheatre);
    const error = await refused(
      await door.scan(theirUsher, {
        showId: elsewhere.showId,
        gate: "Gate 1",
        code: codeOf(tickets[3] as door.PaidTicket),
      }),
    );
    expect(error.reason).toBe("WRONG_THEATRE");
    expect(error.ticket).toBeUndefined();
    for (const t of [revoked, other, tickets[3] as door.PaidTicket])
      expect(await door.admissionsOf(t.orderId)).toEqual([]);
  });

  it("a malformed code, or a code and a token together, is a 400", async () => {
    const ticket = tickets[3] as door.PaidTicket;
    for (const body of [
      { code: "BMS12" },
      { code: "XYZ1234ABCD" },
      { code: codeOf(ticket), token: ticket.token },
      {},
    ]) {
      const res = await door.scan(usher, { showId, gate: "Gate 1", ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await door.admissionsOf(ticket.orderId)).toEqual([]);
  });
});

describe("a typed ticket code offline", () => {
  it("the manifest resolves confirmed codes by digest, with seats and no personal data", async () => {
    const res = await call(`/api/v1/door/shows/${showId}/manifest`, { headers: asUser(usher) });
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as { codes: { digest: string; orderId: string; seatIds: string[] }[] };
    const confirmed = tickets.filter((_, i) => i !== 2);
    expect(body.codes.map((c) => c.orderId).sort()).toEqual(confirmed.map((t) => t.orderId).sort());
    for (const ticket of confirmed) {
      const entry = body.codes.find((c) => c.orderId === ticket.orderId);
      expect(entry).toEqual({
        digest: await ticketCodeDigest(showId, codeOf(ticket)),
        orderId: ticket.orderId,
        seatIds: expect.any(Array),
      });
      // No code in the clear, no name, email or phone anywhere in the manifest.
      expect(text).not.toContain(codeOf(ticket));
    }
    expect(text).not.toMatch(/Asha|@example|\+91/);
  });

  it("an offline-typed admission syncs as admitted; an unknown code is refused; a second gate's is a conflict", async () => {
    const ticket = tickets[1] as door.PaidTicket;
    const code = codeOf(ticket);
    const at = new Date(Date.now() - 2 * 60_000).toISOString();
    const one = await door.sync(usher, {
      showId,
      admissions: [
        { scanId: crypto.randomUUID(), code, gate: "Gate 1", scannedAt: at },
        { scanId: crypto.randomUUID(), code: "BMS0000000F", gate: "Gate 1", scannedAt: at },
      ],
    });
    expect(one.status).toBe(200);
    const { results } = (await one.json()) as { results: { outcome: string; reason?: string; admitted?: string[] }[] };
    expect(results).toMatchObject([
      { outcome: "ADMITTED", admitted: ["F3"] },
      { outcome: "REFUSED", reason: "UNKNOWN_CODE" },
    ]);
    const two = await door.sync(usher, {
      showId,
      admissions: [{ scanId: crypto.randomUUID(), token: ticket.token, gate: "Gate 2", scannedAt: at }],
    });
    expect(((await two.json()) as { results: unknown[] }).results[0]).toMatchObject({
      outcome: "CONFLICT",
      first: [{ seatId: "F3", gate: "Gate 1" }],
    });
    const rows = await door.admissionsOf(ticket.orderId);
    expect(rows.map((r) => [r.seatId, r.gate, r.source])).toEqual([["F3", "Gate 1", "offline"]]);
  });
});
