import type { Deps } from "../../deps";
import type { DoorConflict, DoorManifest, SeatAdmission } from "../../shared/door";
import { ticketCodeDigest } from "../../shared/door-code";
import { conflictsOf, manifestOf } from "../door-store";
import { currentVersionOf } from "../judge-scan";
import { ticketKeyringOf } from "../ticket-token";
import { openGate } from "./open-gate";

type Refused = { outcome: "SHOW_NOT_FOUND" } | { outcome: "FORBIDDEN" };
const iso = (text: string) => new Date(text).toISOString();

/** What an offline scanner needs for one show (docs/TICKETS.md: offline): three round trips. */
export async function doorManifest(
  deps: Deps,
  input: { userId: string; showId: string },
): Promise<{ outcome: "MANIFEST"; manifest: DoorManifest } | Refused> {
  const gate = await openGate(deps, { ...input, action: "admit" });
  if (gate.outcome !== "OPEN") return gate;
  const [{ admitted, revoked, confirmed }, keyring] = await Promise.all([
    manifestOf(deps.db, input.showId),
    ticketKeyringOf(deps.config.TICKET_SIGNING_KEYS),
  ]);
  const byOrder = new Map<string, SeatAdmission[]>();
  for (const a of admitted)
    byOrder.set(a.orderId, [
      ...(byOrder.get(a.orderId) ?? []),
      { seatId: a.seatId, gate: a.gate, admittedAt: iso(a.admittedAt) },
    ]);
  return {
    outcome: "MANIFEST",
    manifest: {
      showId: gate.show.id,
      doorsOpenAt: gate.window.opensAt.toISOString(),
      doorsCloseAt: gate.window.closesAt.toISOString(),
      keys: keyring.publicKeys,
      admitted: [...byOrder].map(([orderId, seats]) => ({ orderId, seats })),
      revoked: await Promise.all(
        revoked.map(async (order) => ({ orderId: order.orderId, version: await currentVersionOf(order) })),
      ),
      codes: await Promise.all(
        confirmed.map(async (order) => ({
          digest: await ticketCodeDigest(gate.show.id, order.ticketCode ?? ""),
          orderId: order.orderId,
          seatIds: order.seatIds,
        })),
      ),
      generatedAt: deps.clock.now().toISOString(),
    },
  };
}

/** A show's conflicting admissions, oldest first: for the manager and for both gates. */
export async function showConflicts(
  deps: Deps,
  input: { userId: string; showId: string },
): Promise<{ outcome: "CONFLICTS"; conflicts: DoorConflict[] } | Refused> {
  const gate = await openGate(deps, { ...input, action: "admit" });
  if (gate.outcome !== "OPEN") return gate;
  const rows = await conflictsOf(deps.db, input.showId);
  return {
    outcome: "CONFLICTS",
    conflicts: rows.map((r) => ({
      orderId: r.orderId,
      ticketCode: r.ticketCode,
      seatId: r.seatId,
      first: { gate: r.firstGate, admittedAt: iso(r.firstAdmittedAt) },
      second: { gate: r.gate, scannedAt: iso(r.scannedAt) },
      recordedAt: iso(r.recordedAt),
    })),
  };
}
