import { useMemo } from "react";
import { qrModules, qrPath } from "../lib/qr";
import styles from "./TicketQr.module.css";

/**
 * The ticket's real QR code: the signed token (docs/TICKETS.md), black on white with its quiet
 * zone, one SVG path, crisp at any size and in print. The usher's scanner reads it.
 */
export function TicketQr({ token, label }: { token: string; label: string }) {
  const modules = useMemo(() => qrModules(token), [token]);
  const size = modules.length;
  return (
    <svg
      className={styles.qr}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid="ticket-qr"
      data-token={token}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={qrPath(modules)} fill="#000" />
    </svg>
  );
}
