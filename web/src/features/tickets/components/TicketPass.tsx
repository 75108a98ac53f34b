import { useState } from "react";
import { DownloadIcon } from "../../../components/Icons";
import { useTicket } from "../hooks/use-ticket";
import { saveTicketImage } from "../lib/save-ticket";
import styles from "./TicketPass.module.css";
import { TicketQr } from "./TicketQr";

interface Props {
  orderId: string;
  code: string;
  /** What the saved image says besides the code: the movie, then the show's lines. */
  title: string;
  lines: string[];
}

/** The part of the ticket the door reads: the signed QR code, the short code to type, and "Save". */
export function TicketPass({ orderId, code, title, lines }: Props) {
  const ticket = useTicket(orderId, true);
  const [saveFailed, setSaveFailed] = useState(false);
  const token = ticket.data?.token;

  return (
    <div className={styles.pass}>
      <div className={styles.qrBox}>
        {token ? (
          <TicketQr token={token} label={`QR code of ticket ${code}`} />
        ) : ticket.isError ? (
          <div className={styles.placeholder} role="alert">
            <p>The QR code could not be loaded. The code below works at the entrance too.</p>
            <button type="button" className="btn btn-secondary" onClick={() => void ticket.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          <div className={styles.placeholder} aria-busy="true">
            Loading your QR code…
          </div>
        )}
      </div>
      <div className={styles.text}>
        <p className={styles.label}>Ticket code</p>
        <p className={styles.code} data-testid="ticket-code">
          {code}
        </p>
        <p className={styles.hint}>Show the QR code at the entrance, or tell the usher this code.</p>
      </div>
      {token ? (
        <div data-print="hide" className={styles.save}>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setSaveFailed(false);
              saveTicketImage(token, { code, title, lines }).catch(() => setSaveFailed(true));
            }}
          >
            <DownloadIcon size={18} />
            Save ticket
          </button>
          {saveFailed ? <p role="alert">Saving did not work here; take a screenshot instead.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
