import { useCallback, useEffect, useRef } from "react";
import { CameraView } from "../features/door/components/CameraView";
import { CodeEntry } from "../features/door/components/CodeEntry";
import { ScanAnswer } from "../features/door/components/ScanAnswer";
import styles from "../features/door/components/Scanner.module.css";
import { useCameraScanner } from "../features/door/hooks/use-camera-scanner";
import { useDoorKeys } from "../features/door/hooks/use-door-keys";
import { useTicketCheck } from "../features/door/hooks/use-ticket-check";
import { useDocumentTitle } from "../lib/hooks";
import { registerOfflineWorker } from "../lib/offline-worker";

/** The installable scanner's manifest, linked only while this page is open (its scope is /scan). */
function useScannerManifest() {
  useEffect(() => {
    const link = document.createElement("link");
    link.rel = "manifest";
    link.href = "/scan.webmanifest";
    document.head.appendChild(link);
    registerOfflineWorker();
    return () => {
      link.remove();
    };
  }, []);
}

/**
 * The usher's scanner (docs/TICKETS.md: scanner): one hand, one phone. The camera reads the QR
 * code (or the usher types the code), the device verifies the signature with the keys it keeps,
 * and the whole screen turns green or red.
 */
export default function ScanPage() {
  useDocumentTitle("Door scanner");
  useScannerManifest();
  const keys = useDoorKeys();
  const { answer, check, dismiss } = useTicketCheck(keys.data);
  const video = useRef<HTMLVideoElement>(null);
  const onCode = useCallback((text: string) => void check(text), [check]);
  const camera = useCameraScanner(video, answer === null, onCode);

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Door scanner</h1>
        <p className={styles.keys} data-testid="door-keys" data-ready={keys.data ? "yes" : "no"}>
          {keys.data
            ? `${keys.data.keys.length} ${keys.data.keys.length === 1 ? "key" : "keys"}${keys.data.offline ? " · offline" : ""}`
            : keys.isError
              ? "No keys: connect once"
              : "Getting keys…"}
        </p>
      </header>
      <CameraView video={video} state={camera.state} onStart={() => void camera.start()} />
      <CodeEntry onSubmit={onCode} />
      {answer ? <ScanAnswer answer={answer} onDone={dismiss} /> : null}
    </main>
  );
}
