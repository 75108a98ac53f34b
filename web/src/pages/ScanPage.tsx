import { useEffect } from "react";
import { GatePicker } from "../features/door/components/GatePicker";
import { GateScanner } from "../features/door/components/GateScanner";
import styles from "../features/door/components/Scanner.module.css";
import { VerifyScanner } from "../features/door/components/VerifyScanner";
import { useChosenGate } from "../features/door/hooks/use-chosen-gate";
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
 * The usher's scanner (docs/TICKETS.md: scanner): one hand, one phone. At a gate (staff signed in,
 * a show picked) each scan is a check-in — online, or offline from the show's manifest and synced
 * later; without one it checks the signature only. The whole screen turns green or red.
 */
export default function ScanPage() {
  useDocumentTitle("Door scanner");
  useScannerManifest();
  const [gate, choose] = useChosenGate();
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Door scanner</h1>
      </header>
      {gate ? (
        <GateScanner gate={gate} onLeave={() => choose(null)} />
      ) : (
        <VerifyScanner>
          <GatePicker onPick={choose} />
        </VerifyScanner>
      )}
    </main>
  );
}
