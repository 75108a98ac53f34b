import type { DoorManifest } from "@housefull/shared";
import type { QueuedAdmission } from "../api/door-api";

/**
 * The scanner's offline memory in IndexedDB (docs/TICKETS.md: offline): the manifest of each show
 * (kept up to date with this device's own admissions) and the queue of admissions not yet synced.
 * Survives a reload and a lost network; one database per browser profile.
 */
const DB_NAME = "housefull-door";
const MANIFESTS = "manifests";
const QUEUE = "queue";

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(MANIFESTS, { keyPath: "showId" });
      request.result.createObjectStore(QUEUE, { keyPath: "scanId" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request.result as T);
    tx.onerror = () => reject(tx.error);
  });
}

/** A manifest as kept: the server's, plus when this device got it. */
export type KeptManifest = DoorManifest & { syncedAt: number };

export const keptManifest = (showId: string) =>
  run<KeptManifest | undefined>(MANIFESTS, "readonly", (s) => s.get(showId));
export const keepManifest = (manifest: KeptManifest) => run<void>(MANIFESTS, "readwrite", (s) => s.put(manifest));

export const queued = async (showId: string) =>
  (await run<QueuedAdmission[]>(QUEUE, "readonly", (s) => s.getAll())).filter((a) => a.showId === showId);
export const enqueue = (admission: QueuedAdmission) => run<void>(QUEUE, "readwrite", (s) => s.put(admission));
export const dequeue = async (scanIds: string[]) => {
  for (const id of scanIds) await run<void>(QUEUE, "readwrite", (s) => s.delete(id));
};
