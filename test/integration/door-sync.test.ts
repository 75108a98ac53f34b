// The offline side on the real stack: the manifest a scanner downloads, a batch of offline
// admissions synced (admitted / conflict / refused), a resent batch, and the conflicts list.
import { beforeAll, describe, expect, it } from "vitest";
import { decodeTicketToken } from "../../src/shared/ticket-token";
import {
  admissionsOf,
  openShow,
  otherTheatre,
  type PaidTicket,
  scan,
  staffMember,
  startShowAt,
  sync,
} from "./door-checkin-fixtures";
import { asUser } from "./fixtures";
import { call, errorOf } from "./http";

let showId: string;
let theatreId: string;
let tickets: PaidTicket[];
let gate1: string;
let gate2: string;

beforeAll(async () => {
  ({ showId, theatreId, tickets } = await openShow([["C1", "C2"], ["C3"], ["C6"], ["C7"], ["C8"]], { cancel: [4] }));
  gate1 = await staffMember("usher", theatreId);
  gate2 = await staffMember("usher", theatreId);
});

const manifest = (userId: string, id = showId) =>
  call(`/api/v1/door/shows/${id}/manifest`, { headers: asUser(userId) });
const conflicts = (userId: string, id = showId) =>
  call(`/api/v1/door/shows/${id}/conflicts`, { headers: asUser(userId) });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

interface SyncBody {
  results: { scanId: string; outcome: string; admitted?: string[]; first?: { gate: string }[]; reason?: string }[];
}

describe("offline check-in", () => {
  it("a manifest names the keys, the door window, the seats admitted and the revoked tickets", async () => {
    const res = await manifest(gate1);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = (await res.json()) as { revoked: { orderId: string; version: number }[]; keys: { kid: string }[] };
    // The cancelled order is listed with its current version, which its old token no longer carries.
    const cancelledTicket = tickets[4] as PaidTicket;
    expect(body.revoked).toEqual([{ orderId: cancelledTicket.orderId, version: expect.any(Number) }]);
    const decoded = decodeTicketToken(cancelledTicket.token);
    expect("ticket" in decoded && decoded.ticket.version).not.toBe(body.revoked[0]?.version);
    expect(body.keys.map((k) => k.kid)).toEqual(["1", "2"]);
    expect(JSON.stringify(body.keys)).not.toContain('"d"');

    expect((await scan(gate1, { showId, gate: "Gate 1", token: (tickets[1] as PaidTicket).token })).status).toBe(201);
    const open = (await (await manifest(gate1)).json()) as {
      doorsOpenAt: string;
      doorsCloseAt: string;
      admitted: { orderId: string; seats: { seatId: string; gate: string }[] }[];
    };
    expect(new Date(open.doorsOpenAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(open.doorsCloseAt).getTime()).toBeGreaterThan(Date.now());
    expect(open.admitted).toEqual([
      {
        orderId: (tickets[1] as PaidTicket).orderId,
        seats: [expect.objectContaining({ seatId: "C3", gate: "Gate 1" })],
      },
    ]);
  });

  it("syncs offline admissions; a resent batch changes nothing; a revoked one is refused", async () => {
    const cancelledLater = tickets[4] as PaidTicket;
    const batch = {
      showId,
      admissions: [
        {
          scanId: crypto.randomUUID(),
          token: (tickets[0] as PaidTicket).token,
          gate: "Gate 1",
          scannedAt: minutesAgo(3),
        },
        { scanId: crypto.randomUUID(), token: cancelledLater.token, gate: "Gate 1", scannedAt: minutesAgo(2) },
      ],
    };
    const res = await sync(gate1, batch);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as SyncBody;
    expect(results.map((r) => [r.outcome, r.admitted ?? r.reason])).toEqual([
      ["ADMITTED", ["C1", "C2"]],
      ["REFUSED", "REVOKED"],
    ]);
    const rows = await admissionsOf((tickets[0] as PaidTicket).orderId);
    expect(rows.map((r) => [r.seatId, r.source, new Date(r.admittedAt).toISOString()])).toEqual([
      ["C1", "offline", batch.admissions[0]?.scannedAt],
      ["C2", "offline", batch.admissions[0]?.scannedAt],
    ]);
    const again = (await (await sync(gate1, batch)).json()) as SyncBody;
    expect(again.results.map((r) => r.outcome)).toEqual(["ADMITTED", "REFUSED"]);
    expect(await admissionsOf((tickets[0] as PaidTicket).orderId)).toEqual(rows);
  });

  it("two offline gates admit one ticket: the first stands, the second is a conflict both gates see", async () => {
    const ticket = tickets[2] as PaidTicket;
    const firstAt = minutesAgo(4);
    const one = await sync(gate1, {
      showId,
      admissions: [{ scanId: crypto.randomUUID(), token: ticket.token, gate: "Gate 1", scannedAt: firstAt }],
    });
    expect(((await one.json()) as SyncBody).results[0]?.outcome).toBe("ADMITTED");
    const secondAt = minutesAgo(3);
    const two = await sync(gate2, {
      showId,
      admissions: [{ scanId: crypto.randomUUID(), token: ticket.token, gate: "Gate 2", scannedAt: secondAt }],
    });
    expect(((await two.json()) as SyncBody).results[0]).toMatchObject({
      outcome: "CONFLICT",
      admitted: [],
      first: [{ seatId: "C6", gate: "Gate 1" }],
    });
    expect(await admissionsOf(ticket.orderId)).toHaveLength(1);
    // Gate 1 (which synced first, saw "admitted") and the manager both see it on the conflicts list.
    const manager = await staffMember("theatre_manager", theatreId);
    for (const who of [gate1, gate2, manager]) {
      const list = (await (await conflicts(who)).json()) as { conflicts: unknown[] };
      expect(list.conflicts).toContainEqual({
        orderId: ticket.orderId,
        ticketCode: expect.stringMatching(/^BMS/),
        seatId: "C6",
        first: { gate: "Gate 1", admittedAt: firstAt },
        second: { gate: "Gate 2", scannedAt: secondAt },
        recordedAt: expect.any(String),
      });
    }
    // An online scan now: already admitted, at Gate 1.
    const online = await scan(gate2, { showId, gate: "Gate 2", token: ticket.token });
    expect(online.status).toBe(409);
  });

  it("an offline scan before doors opened is refused at sync", async () => {
    const later = await openShow([["J1"]]);
    await startShowAt(later.showId, new Date(Date.now() - 5 * 60_000));
    const usher = await staffMember("usher", later.theatreId);
    const res = await sync(usher, {
      showId: later.showId,
      admissions: [
        {
          scanId: crypto.randomUUID(),
          token: (later.tickets[0] as PaidTicket).token,
          gate: "Gate 1",
          scannedAt: minutesAgo(24 * 60),
        },
      ],
    });
    expect(((await res.json()) as SyncBody).results[0]).toMatchObject({ outcome: "REFUSED", reason: "DOORS_NOT_OPEN" });
    expect(await admissionsOf((later.tickets[0] as PaidTicket).orderId)).toEqual([]);
  });

  it("manifest, sync and conflicts: another theatre's usher and a customer get 404", async () => {
    const stranger = await staffMember("usher", await otherTheatre());
    const customer = await staffMember();
    for (const who of [stranger, customer]) {
      expect((await manifest(who)).status).toBe(404);
      expect((await conflicts(who)).status).toBe(404);
      const res = await sync(who, {
        showId,
        admissions: [
          { scanId: crypto.randomUUID(), token: (tickets[3] as PaidTicket).token, gate: "G", scannedAt: minutesAgo(1) },
        ],
      });
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("SHOW_NOT_FOUND");
    }
    expect(await admissionsOf((tickets[3] as PaidTicket).orderId)).toEqual([]);
  });

  it("GET /door/shows lists the gates an usher may pick: this theatre's open shows only", async () => {
    const gates = async (who: string) =>
      ((await (await call("/api/v1/door/shows", { headers: asUser(who) })).json()) as { gates: { showId: string }[] })
        .gates;
    expect((await gates(gate1)).map((g) => g.showId)).toContain(showId);
    expect((await gates(await staffMember("usher", await otherTheatre()))).map((g) => g.showId)).not.toContain(showId);
    expect(await gates(await staffMember())).toEqual([]);
    expect(await gates("guest_abc")).toEqual([]);
  });

  it("declares every status of the door routes in OpenAPI", async () => {
    const doc = (await (await call("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses("/api/v1/checkins", "post")).toEqual([
      "201",
      "400",
      "401",
      "403",
      "404",
      "408",
      "409",
      "413",
      "422",
      "500",
      "503",
    ]);
    expect(statuses("/api/v1/checkins/sync", "post")).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "408",
      "413",
      "500",
      "503",
    ]);
    for (const path of ["/api/v1/door/shows/{showId}/manifest", "/api/v1/door/shows/{showId}/conflicts"])
      expect(statuses(path, "get")).toEqual(["200", "400", "401", "403", "404", "500", "503"]);
  });
});
