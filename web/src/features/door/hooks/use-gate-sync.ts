import { useCallback, useEffect, useRef, useState } from "react";
import { type DoorConflict, fetchConflicts, fetchManifest, postSync, type SyncResult } from "../api/door-api";
import { dequeue, type KeptManifest, keepManifest, keptManifest, queued } from "../lib/door-db";

/** How often, while online, the scanner syncs its queue, refreshes the manifest and the conflicts. */
const REFRESH_MS = 4_000;

export interface GateSync {
  manifest: KeptManifest | undefined;
  queuedCount: number;
  online: boolean;
  /** Conflicts of this show that involve this gate (either side). */
  conflicts: DoorConflict[];
  lastSync: SyncResult[];
  /** After an admission: count the queue again and try to sync. */
  changed: () => void;
}

/**
 * The gate's offline side (docs/TICKETS.md: offline): the show's manifest downloaded into IndexedDB
 * (this device's own admissions kept in it), the queue of offline admissions synced whenever the
 * network is back (the `online` event, then every few seconds while anything is queued), and the
 * conflicts the server reports for this gate.
 */
export function useGateSync(showId: string, gate: string): GateSync {
  const [manifest, setManifest] = useState<KeptManifest>();
  const [queuedCount, setQueuedCount] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const [conflicts, setConflicts] = useState<DoorConflict[]>([]);
  const [lastSync, setLastSync] = useState<SyncResult[]>([]);
  const running = useRef(false);

  const refresh = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      const pending = await queued(showId);
      if (pending.length > 0 && navigator.onLine) {
        const reply = await postSync(showId, pending);
        if (reply.status === 200) {
          await dequeue(pending.map((p) => p.scanId));
          setLastSync(reply.body.results);
        }
      }
      if (navigator.onLine) {
        const fresh = await fetchManifest(showId);
        if (fresh.status === 200) {
          // What is still queued stays admitted on this device until the server has it.
          const left = await queued(showId);
          const kept: KeptManifest = { ...fresh.body, syncedAt: Date.now() };
          for (const item of left) {
            const entry = kept.admitted.find((a) => a.orderId === item.orderId) ?? { orderId: item.orderId, seats: [] };
            if (!kept.admitted.includes(entry)) kept.admitted.push(entry);
            for (const seatId of item.seats ?? [])
              entry.seats.push({ seatId, gate: item.gate, admittedAt: item.scannedAt });
          }
          await keepManifest(kept);
          setManifest(kept);
        }
        const found = await fetchConflicts(showId);
        if (found.status === 200)
          setConflicts(found.body.conflicts.filter((c) => c.first.gate === gate || c.second.gate === gate));
      } else {
        // Offline: the last manifest kept (with this device's admissions in it).
        const kept = await keptManifest(showId);
        if (kept) setManifest(kept);
      }
      setQueuedCount((await queued(showId)).length);
    } finally {
      running.current = false;
    }
  }, [showId, gate]);

  useEffect(() => {
    void keptManifest(showId).then((kept) => kept && setManifest((m) => m ?? kept));
  }, [showId]);

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      void refresh();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      clearInterval(timer);
    };
  }, [refresh]);

  const changed = useCallback(() => {
    void queued(showId).then((q) => setQueuedCount(q.length));
    if (navigator.onLine) void refresh();
  }, [showId, refresh]);

  return { manifest, queuedCount, online, conflicts, lastSync, changed };
}
