import { type ReactNode, useCallback, useMemo, useRef } from "react";
import { useCameraScanner } from "../hooks/use-camera-scanner";
import { useDoorKeys } from "../hooks/use-door-keys";
import { useTicketCheck, verifyOnly } from "../hooks/use-ticket-check";
import { CameraView } from "./CameraView";
import { CodeEntry } from "./CodeEntry";
import { ScanAnswer } from "./ScanAnswer";
import styles from "./Scanner.module.css";

/** With no gate: the signature check only, on the device (valid or forged; not "already in"). */
export function VerifyScanner({ children }: { children?: ReactNode }) {
  const keys = useDoorKeys();
  const decide = useMemo(() => verifyOnly(keys.data), [keys.data]);
  const { answer, check, dismiss } = useTicketCheck(decide);
  const video = useRef<HTMLVideoElement>(null);
  const onCode = useCallback((text: string) => void check(text), [check]);
  const camera = useCameraScanner(video, answer === null, onCode);
  return (
    <>
      <p className={styles.gateBar} data-testid="door-keys" data-ready={keys.data ? "yes" : "no"}>
        {keys.data
          ? `${keys.data.keys.length} ${keys.data.keys.length === 1 ? "key" : "keys"}${keys.data.offline ? " · offline" : ""}`
          : keys.isError
            ? "No keys: connect once"
            : "Getting keys…"}
      </p>
      {children}
      <CameraView video={video} state={camera.state} onStart={() => void camera.start()} />
      <CodeEntry onSubmit={onCode} />
      {answer ? <ScanAnswer answer={answer} onDone={dismiss} /> : null}
    </>
  );
}
