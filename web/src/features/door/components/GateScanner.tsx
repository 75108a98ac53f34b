import { useCallback, useEffect, useRef } from "react";
import { keepLoadedAssets } from "../../../lib/offline-worker";
import { preloadDecoder, useCameraScanner } from "../hooks/use-camera-scanner";
import type { ChosenGate } from "../hooks/use-chosen-gate";
import { useGateSync } from "../hooks/use-gate-sync";
import { type DoorScan, useTicketCheck } from "../hooks/use-ticket-check";
import { admitAtGate, clockOf } from "../lib/gate-check";
import { CameraView } from "./CameraView";
import { CodeEntry } from "./CodeEntry";
import { ScanAnswer } from "./ScanAnswer";
import styles from "./Scanner.module.css";

/**
 * The scanner at a gate (docs/TICKETS.md: check-in, offline): each scan is a check-in online, or
 * decided on the device from the show's manifest and queued when offline; conflicts the server
 * finds after a sync are shown to this gate.
 */
export function GateScanner({ gate, onLeave }: { gate: ChosenGate; onLeave: () => void }) {
  const sync = useGateSync(gate.showId, gate.gate);
  // The decoder is fetched now, and kept for a reopening offline (the page may predate the worker).
  useEffect(() => void preloadDecoder().then(keepLoadedAssets), []);
  const manifest = useRef(sync.manifest);
  manifest.current = sync.manifest;
  const decide = useCallback(
    (scan: DoorScan) => admitAtGate({ showId: gate.showId, gate: gate.gate, manifest: manifest.current }, scan),
    [gate],
  );
  const { answer, check, dismiss } = useTicketCheck(decide, sync.changed);
  const video = useRef<HTMLVideoElement>(null);
  const onCode = useCallback((text: string) => void check(text), [check]);
  const camera = useCameraScanner(video, answer === null, onCode);

  return (
    <>
      <div className={styles.gateBar}>
        <span data-testid="door-gate">
          {gate.gate} · {gate.label}
        </span>
        <span
          data-testid="door-manifest"
          data-synced={sync.manifest ? "yes" : "no"}
          data-admitted={sync.manifest?.admitted.reduce((n, a) => n + a.seats.length, 0) ?? 0}
        >
          {sync.manifest
            ? `List of ${clockOf(new Date(sync.manifest.syncedAt).toISOString())}`
            : "Getting the show's list…"}
        </span>
        <span data-testid="door-queue" data-count={sync.queuedCount}>
          {sync.online ? "online" : "offline"}
          {sync.queuedCount > 0 ? ` · ${sync.queuedCount} to sync` : ""}
        </span>
        <button type="button" className="btn" onClick={onLeave}>
          Change gate
        </button>
      </div>
      {sync.conflicts.length > 0 ? (
        <ul className={styles.conflicts} data-testid="door-conflicts" aria-live="polite">
          {sync.conflicts.map((c) => (
            <li key={`${c.orderId}-${c.seatId}-${c.second.scannedAt}`}>
              {`Conflict: ${c.ticketCode ?? c.orderId} seat ${c.seatId} — first at ${c.first.gate}, ${clockOf(c.first.admittedAt)}; again at ${c.second.gate}, ${clockOf(c.second.scannedAt)}`}
            </li>
          ))}
        </ul>
      ) : null}
      <CameraView video={video} state={camera.state} onStart={() => void camera.start()} />
      <CodeEntry onSubmit={onCode} />
      {answer ? <ScanAnswer answer={answer} onDone={dismiss} /> : null}
    </>
  );
}
