// POST /checkins on the real stack: every refusal with its reason and nothing written, first scan
// wins (also under 20 concurrent scans), partial admission, and who may scan at all.
import { beforeAll, describe, expect, it } from "vitest";
import { base64UrlDecode, base64UrlEncode, decodeTicketToken } from "../../src/shared/ticket-token";
import {
  admissionsOf,
  cancelled,
  expiredKey,
  freshKey,
  openShow,
  otherTheatre,
  type PaidTicket,
  paidTicket,
  scan,
  sessionOf,
  signWith,
  staffMember,
  startShowAt,
  theatreOf,
} from "./door-checkin-fixtures";
import { backendCalls, call, errorOf } from "./http";

let showId: string;
let theatreId: string;
let usher: string;
let tickets: PaidTicket[];

beforeAll(async () => {
  ({ showId, theatreId, tickets } = await openShow([["C4", "C5"], ["D1"], ["D2"], ["D3"], ["D4", "D5", "D6"]]));
  usher = await staffMember("usher", theatreId);
});

const ticketOf = (token: string) => {
  const decoded = decodeTicketToken(token);
  if ("malformed" in decoded) throw new Error("not a token");
  return decoded.ticket;
};

async function refusal(res: Response) {
  expect(res.status).toBe(422);
  const error = await errorOf(res);
  expect(error.code).toBe("TICKET_REFUSED");
  return error as unknown as { reason: string; message: string };
}

describe("POST /checkins", () => {
  it("admits a real ticket at its show's gate: every seat, the holder's name, one answer", async () => {
    const [ticket] = tickets as [PaidTicket];
    const res = await scan(usher, { showId, gate: "Gate 1", token: ticket.token });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      outcome: "ADMITTED",
      ticket: { orderId: ticket.orderId, holder: "Asha Rao", seatIds: ["C4", "C5"] },
      admitted: ["C4", "C5"],
      earlier: [],
      gate: "Gate 1",
    });
    expect(backendCalls(res).db).toBe(4);
    expect((await admissionsOf(ticket.orderId)).map((a) => [a.seatId, a.gate, a.source])).toEqual([
      ["C4", "Gate 1", "online"],
      ["C5", "Gate 1", "online"],
    ]);

    // A replay: already admitted, when and where; nothing new written.
    const before = await admissionsOf(ticket.orderId);
    const again = await scan(usher, { showId, gate: "Gate 2", token: ticket.token });
    expect(again.status).toBe(409);
    const error = await errorOf(again);
    expect(error.code).toBe("ALREADY_ADMITTED");
    expect(error.admissions).toEqual([
      {
        seatId: "C4",
        gate: "Gate 1",
        admittedAt: before[0]?.admittedAt && new Date(before[0].admittedAt).toISOString(),
      },
      { seatId: "C5", gate: "Gate 1", admittedAt: expect.any(String) },
    ]);
    expect(await admissionsOf(ticket.orderId)).toEqual(before);
  });

  it("admits a multi-seat order in part, then the rest; each seat once", async () => {
    const ticket = tickets[4] as PaidTicket;
    const first = await scan(usher, { showId, gate: "Gate 1", token: ticket.token, seats: ["D5"] });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ admitted: ["D5"], earlier: [] });
    const rest = await scan(usher, { showId, gate: "Gate 2", token: ticket.token });
    expect(rest.status).toBe(201);
    expect(await rest.json()).toMatchObject({
      admitted: ["D4", "D6"],
      earlier: [{ seatId: "D5", gate: "Gate 1" }],
    });
    expect((await admissionsOf(ticket.orderId)).length).toBe(3);
    const stray = await scan(usher, { showId, gate: "Gate 1", token: ticket.token, seats: ["A1"] });
    expect((await refusal(stray)).reason).toBe("SEAT_NOT_ON_TICKET");
  });

  it("a retried scan (same scanId, lost answer) admits again instead of saying already admitted", async () => {
    const ticket = tickets[3] as PaidTicket;
    const scanId = crypto.randomUUID();
    expect((await scan(usher, { showId, gate: "Gate 3", token: ticket.token, scanId })).status).toBe(201);
    expect((await scan(usher, { showId, gate: "Gate 3", token: ticket.token, scanId })).status).toBe(201);
    expect((await scan(usher, { showId, gate: "Gate 3", token: ticket.token })).status).toBe(409);
  });

  it("refuses forged, altered, unknown-key and expired-key tokens with the reason, writing nothing", async () => {
    const ticket = tickets[1] as PaidTicket;
    const bytes = base64UrlDecode(ticket.token) as Uint8Array;
    const forged = Uint8Array.from(bytes);
    forged[forged.length - 1] = (forged[forged.length - 1] as number) ^ 1;
    const altered = Uint8Array.from(bytes);
    const lastSeat = altered.length - 64 - 1;
    altered[lastSeat] = (altered[lastSeat] as number) + 1;
    const genuine = ticketOf(ticket.token);
    const cases: [string, string][] = [
      [base64UrlEncode(forged), "FORGED"],
      [base64UrlEncode(altered), "FORGED"],
      [await signWith(await freshKey("9"), genuine), "UNKNOWN_KEY"],
      // A key the worker knows but whose notAfter has passed (test/global-setup.ts).
      [await signWith(expiredKey(), genuine), "KEY_EXPIRED"],
      ["not-a-ticket", "MALFORMED"],
    ];
    for (const [token, reason] of cases) {
      const res = await scan(usher, { showId, gate: "Gate 1", token });
      expect((await refusal(res)).reason, reason).toBe(reason);
    }
    expect(await admissionsOf(ticket.orderId)).toEqual([]);
  });

  it("refuses a cancelled order's token (revoked), writing nothing", async () => {
    const show = await openShowLater();
    await cancelled(show.ticket);
    await startShowAt(show.showId, new Date(Date.now() - 5 * 60_000));
    const res = await scan(show.usher, { showId: show.showId, gate: "Gate 1", token: show.ticket.token });
    expect((await refusal(res)).reason).toBe("REVOKED");
    expect(await admissionsOf(show.ticket.orderId)).toEqual([]);
  });

  it("refuses a ticket of another show, and of another theatre's show", async () => {
    const elsewhere = await openShow([["A1"]]);
    const [other] = elsewhere.tickets as [PaidTicket];
    // The same theatre (createShow's), another show.
    expect((await refusal(await scan(usher, { showId, gate: "Gate 1", token: other.token }))).reason).toBe(
      "WRONG_SHOW",
    );
    expect(await admissionsOf(other.orderId)).toEqual([]);
    // Another theatre: the usher of the other show's theatre scans this show's ticket at their gate.
    const theirTheatre = await otherTheatre();
    const { db } = await import("./fixtures");
    const { shows } = await import("../../src/db/schema");
    const { eq } = await import("drizzle-orm");
    await db().update(shows).set({ theatreId: theirTheatre }).where(eq(shows.id, elsewhere.showId));
    const theirUsher = await staffMember("usher", theirTheatre);
    const res = await scan(theirUsher, {
      showId: elsewhere.showId,
      gate: "Gate 1",
      token: (tickets[2] as PaidTicket).token,
    });
    expect((await refusal(res)).reason).toBe("WRONG_THEATRE");
    expect(await admissionsOf((tickets[2] as PaidTicket).orderId)).toEqual([]);
  });

  it("refuses outside the door window: before doors open and after the show ended", async () => {
    const early = await paidTicket(["B1"]);
    const earlyUsher = await staffMember("usher", await theatreOf(early.showId));
    const res = await scan(earlyUsher, { showId: early.showId, gate: "Gate 1", token: early.token });
    const error = await refusal(res);
    expect(error.reason).toBe("DOORS_NOT_OPEN");
    expect(error.message).toMatch(/^Doors open at /);
    await startShowAt(early.showId, new Date(Date.now() - 6 * 3_600_000));
    const late = await scan(earlyUsher, { showId: early.showId, gate: "Gate 1", token: early.token });
    expect((await refusal(late)).reason).toBe("DOORS_CLOSED");
    expect(await admissionsOf(early.orderId)).toEqual([]);
  });

  it("20 concurrent scans of one ticket: exactly one admission", async () => {
    const ticket = tickets[2] as PaidTicket;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => scan(usher, { showId, gate: `Gate ${(i % 4) + 1}`, token: ticket.token })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const rows = await admissionsOf(ticket.orderId);
    expect(rows).toHaveLength(1);
    // Every loser names the winner's gate.
    const winner = rows[0]?.gate;
    for (const res of answers.filter((r) => r.status === 409))
      expect(((await errorOf(res)).admissions as { gate: string }[])[0]?.gate).toBe(winner);
  });
});

/** A show of its own (doors not yet open), one paid ticket and an usher of its theatre. */
async function openShowLater() {
  const ticket = await paidTicket(["E1", "E2"]);
  return { ticket, showId: ticket.showId, usher: await staffMember("usher", await theatreOf(ticket.showId)) };
}

describe("who may scan (the one authorization helper)", () => {
  it("ushers, managers and admins of the show's theatre; others 404; customers 404; nobody 401", async () => {
    const {
      showId: open,
      tickets: [ticket],
      theatreId: here,
    } = await openShow([["F1"], ["F2"]]);
    const elsewhere = await otherTheatre();
    const token = (ticket as PaidTicket).token;
    const cases: [string, string | undefined, number][] = [
      ["usher of another theatre", await staffMember("usher", elsewhere), 404],
      ["manager of another theatre", await staffMember("theatre_manager", elsewhere), 404],
      ["customer", await staffMember(), 404],
      ["guest id", "guest_abc123", 404],
    ];
    for (const [who, userId, status] of cases) {
      const res = await scan(userId as string, { showId: open, gate: "Gate 1", token });
      expect(res.status, who).toBe(status);
      expect((await errorOf(res)).code, who).toBe("SHOW_NOT_FOUND");
    }
    expect(await admissionsOf((ticket as PaidTicket).orderId)).toEqual([]);
    const nobody = await call("/api/v1/checkins", { method: "POST", json: { showId: open, gate: "G", token } });
    expect(nobody.status).toBe(401);
    expect((await scan(await staffMember("theatre_manager", here), { showId: open, gate: "G", token })).status).toBe(
      201,
    );
    const second = (await openShow([["F3"]])).tickets[0] as PaidTicket;
    const admin = await staffMember("admin");
    expect((await scan(admin, { showId: second.showId, gate: "G", token: second.token })).status).toBe(201);
  });

  it("a signed-in usher's scanner session (cookies + CSRF token) scans; without the CSRF token it may not", async () => {
    const {
      showId: open,
      tickets: [ticket],
      theatreId: here,
    } = await openShow([["G1"]]);
    const headers = await sessionOf(await staffMember("usher", here));
    const body = { showId: open, gate: "Gate 1", token: (ticket as PaidTicket).token };
    const { "x-csrf-token": _, ...noCsrf } = headers;
    expect((await call("/api/v1/checkins", { method: "POST", headers: noCsrf, json: body })).status).toBe(403);
    expect((await call("/api/v1/checkins", { method: "POST", headers, json: body })).status).toBe(201);
  });

  it("a malformed request is 400; an unknown show 404", async () => {
    expect((await scan(usher, { showId: "nope", gate: "G", token: "x" })).status).toBe(400);
    expect((await scan(usher, { showId, gate: "", token: "x" })).status).toBe(400);
    expect((await scan(usher, { showId, gate: "G\u202E", token: "x" })).status).toBe(400);
    expect((await scan(usher, { showId: crypto.randomUUID(), gate: "G", token: "x" })).status).toBe(404);
  });
});
