import { type CSSProperties, useState } from "react";
import styles from "./Poster.module.css";

interface PosterProps {
  src: string | null;
  title: string;
  /** Above the fold (the movie page's hero): load at once instead of lazily. */
  eager?: boolean;
  className?: string;
}

/**
 * A movie poster in a fixed 2:3 box, so nothing moves when it arrives. Decorative (`alt=""`): the
 * title is always written next to it. Without an image it falls back to a tinted title card.
 */
export function Poster({ src, title, eager, className }: PosterProps) {
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");
  const showImage = src !== null && state !== "failed";
  return (
    <div className={`${styles.frame} ${className ?? ""}`} style={{ "--poster-hue": hueOf(title) } as CSSProperties}>
      {showImage ? (
        <img
          className={`${styles.image} ${state === "loaded" ? styles.loaded : ""}`}
          src={src}
          alt=""
          width={400}
          height={600}
          loading={eager ? "eager" : "lazy"}
          fetchPriority={eager ? "high" : "auto"}
          decoding="async"
          draggable={false}
          onLoad={() => setState("loaded")}
          onError={() => setState("failed")}
        />
      ) : (
        <span className={styles.fallback} aria-hidden="true">
          {title}
        </span>
      )}
    </div>
  );
}

/** A stable hue per title for the placeholder tint. */
function hueOf(title: string): number {
  let h = 0;
  for (let i = 0; i < title.length; i++) h = (h * 31 + title.charCodeAt(i)) % 360;
  return h;
}
