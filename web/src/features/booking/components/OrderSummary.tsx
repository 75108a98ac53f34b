import { formatPaise, sortSeatIds, toPaise } from "@housefull/shared";
import type { ReactNode } from "react";
import { formatShowDateTime } from "../../../lib/format-show";
import type { Hold } from "../api/booking";
import { CancellationPolicy, type CancellationWindow } from "./CancellationPolicy";
import styles from "./Checkout.module.css";
import { PriceTable } from "./PriceTable";

/** What the summary says of the show (GET /shows/{showId} has it all). */
export interface SummaryShow {
  startTime: string;
  movie: { title: string; ageRating: string | null };
  theatre: { name: string; address: string | null; cancellationAvailable: boolean };
  cancellation: CancellationWindow | null;
  categories: { code: string; name: string }[];
}

/** One fact of the summary: its label, its value and, if there is one, a note after it. */
function Fact({
  label,
  note,
  noteClass = styles.sub,
  children,
}: {
  label: string;
  note: string | null;
  noteClass?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {children}
        {note ? <span className={noteClass}>{note}</span> : null}
      </dd>
    </div>
  );
}

/** Movie, theatre, time, the seats by category with their prices, and the total. */
export function OrderSummary({ hold, show }: { hold: Hold | undefined; show: SummaryShow | undefined }) {
  const names = new Map(show?.categories.map((c) => [c.code, c.name]) ?? []);
  const groups = new Map<string, { seats: string[]; price: string }>();
  for (const seat of hold?.seats ?? []) {
    const group = groups.get(seat.category);
    if (group) group.seats.push(seat.seatId);
    else groups.set(seat.category, { seats: [seat.seatId], price: seat.price });
  }
  for (const group of groups.values()) group.seats = sortSeatIds(group.seats);
  return (
    <aside className={styles.summary} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.cardTitle}>
        Order summary
      </h2>
      {show ? (
        <dl className={styles.facts}>
          <Fact label="Movie" note={show.movie.ageRating} noteClass={styles.cert}>
            {show.movie.title}
          </Fact>
          <Fact label="Theatre" note={show.theatre.address}>
            {show.theatre.name}
          </Fact>
          <Fact label="When" note="India Standard Time">
            {formatShowDateTime(show.startTime)}{" "}
          </Fact>
          <Fact label="Cancellation" note={null}>
            <CancellationPolicy window={show.cancellation} theatreAllows={show.theatre.cancellationAvailable} />
          </Fact>
        </dl>
      ) : (
        <div className={`skeleton ${styles.factsSkeleton}`} aria-hidden="true" />
      )}
      {hold ? (
        <>
          <PriceTable
            caption="Seats and prices"
            columns={["Seats", "Price"]}
            lines={[...groups].map(([code, group]) => ({
              key: code,
              name: names.get(code) ?? code,
              quantity: group.seats.length,
              unitPrice: group.price,
              seatIds: group.seats,
              amount: formatPaise(group.seats.length * toPaise(group.price)),
            }))}
            total={hold.amount}
          />
          <p className={styles.fine}>Prices include taxes. Booking fee: none.</p>
        </>
      ) : (
        <div className={`skeleton ${styles.linesSkeleton}`} aria-hidden="true" />
      )}
    </aside>
  );
}
