import type { RefObject } from "react";
import { CameraIcon } from "../../../components/Icons";
import type { CameraState } from "../hooks/use-camera-scanner";
import styles from "./Scanner.module.css";

const MESSAGES: Partial<Record<CameraState, string>> = {
  starting: "Starting the camera…",
  denied: "The camera is blocked. Allow it in the browser's site settings, or type the code below.",
  unavailable: "No camera here. Type the code below.",
};

/** The live camera with an aiming frame; a big start button until the camera runs. */
export function CameraView({
  video,
  state,
  onStart,
}: {
  video: RefObject<HTMLVideoElement | null>;
  state: CameraState;
  onStart: () => void;
}) {
  return (
    <div className={styles.camera}>
      <video ref={video} className={styles.video} muted playsInline aria-label="Camera view" />
      {state === "on" ? <div className={styles.aim} aria-hidden="true" /> : null}
      {state === "off" ? (
        <button type="button" className={`btn btn-primary ${styles.start}`} onClick={onStart}>
          <CameraIcon size={22} />
          Start scanning
        </button>
      ) : null}
      {MESSAGES[state] ? (
        <p className={styles.cameraNote} role="status">
          {MESSAGES[state]}
        </p>
      ) : null}
    </div>
  );
}
