import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

export type CameraState = "off" | "starting" | "on" | "denied" | "unavailable";

type Detect = (video: HTMLVideoElement) => Promise<string | null>;

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};

/**
 * Loads the JS decoder now, while there is a network: a scanner that goes offline before its
 * camera starts must not need to fetch it then (a loaded module is imported again without one).
 */
export const preloadDecoder = () => import("jsqr").catch(() => undefined);

/** The browser's own QR decoder where it has one (Android Chrome, Safari 17+), jsQR otherwise. */
async function makeDetector(): Promise<Detect> {
  const Native = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.())?.includes("qr_code")) {
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!ctx || !video.videoWidth) return null;
    // At most 640 px wide: enough for a ticket held up to the phone, cheap enough for 8 frames a second.
    const scale = Math.min(1, 640 / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
}

/**
 * The back camera into `video`, decoded several times a second while `active`; each new code goes
 * to `onCode` once (the same code again within a few seconds is the same ticket still in view).
 */
export function useCameraScanner(
  video: RefObject<HTMLVideoElement | null>,
  active: boolean,
  onCode: (text: string) => void,
) {
  const [state, setState] = useState<CameraState>("off");
  const stream = useRef<MediaStream | null>(null);
  const last = useRef({ text: "", at: 0 });
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) return setState("unavailable");
    setState("starting");
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment", width: { ideal: 1280 } },
        audio: false,
      });
      const element = video.current;
      if (element) {
        element.srcObject = stream.current;
        await element.play().catch(() => {});
      }
      setState("on");
    } catch (error) {
      setState(error instanceof DOMException && error.name === "NotAllowedError" ? "denied" : "unavailable");
    }
  }, [video]);

  useEffect(
    () => () => {
      for (const track of stream.current?.getTracks() ?? []) track.stop();
    },
    [],
  );

  useEffect(() => {
    if (state !== "on" || !active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const detectorReady = makeDetector();
    const tick = async () => {
      const element = video.current;
      const detect = await detectorReady;
      const text = element && !stopped ? await detect(element).catch(() => null) : null;
      const now = Date.now();
      if (text && !stopped && (text !== last.current.text || now - last.current.at > 3_000)) {
        last.current = { text, at: now };
        onCodeRef.current(text);
      }
      if (!stopped) timer = setTimeout(tick, 120);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [state, active, video]);

  return { state, start };
}
