import { formatPaise, sortSeatIds, toPaise } from "@housefull/shared";
import { formatPrice, formatShowDateTime } from "../../../lib/format-show";
import type { Hold } from "../api/booking";
import styles from "./Checkout.module.css";

/** What the summary says of the show (GET /shows/{showId} has it all). */
export interface SummaryShow {
  startTime: string;
  movie: { title: string; ageRating: string | null };
  theatre: { name: string; address: string | null };
  categories: { code: string; name: string }[];
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
          <div>
            <dt>Movie</dt>
            <dd>
              {show.movie.title}
              {show.movie.ageRating ? <span className={styles.cert}>{show.movie.ageRating}</span> : null}
            </dd>
          </div>
          <div>
            <dt>Theatre</dt>
            <dd>
              {show.theatre.name}
              {show.theatre.address ? <span className={styles.sub}>{show.theatre.address}</span> : null}
            </dd>
          </div>
          <div>
            <dt>When</dt>
            <dd>
              {formatShowDateTime(show.startTime)} <span className={styles.sub}>India Standard Time</span>
            </dd>
          </div>
        </dl>
      ) : (
        <div className={`skeleton ${styles.factsSkeleton}`} aria-hidden="true" />
      )}
      {hold ? (
        <>
          <table className={styles.lines}>
            <caption className="visually-hidden">Seats and prices</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Seats</th>
                <th scope="col">Price</th>
              </tr>
            </thead>
            <tbody>
              {[...groups].map(([code, group]) => (
                <tr key={code}>
                  <th scope="row">
                    <span className={styles.category}>
                      {names.get(code) ?? code} · {group.seats.length} × {formatPrice(group.price)}
                    </span>
                    <span className={styles.seatIds}>{group.seats.join(", ")}</span>
                  </th>
                  <td>{formatPrice(formatPaise(group.seats.length * toPaise(group.price)))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className={styles.total}>{formatPrice(hold.amount)}</td>
              </tr>
            </tfoot>
          </table>
          <p className={styles.fine}>Prices include taxes. Booking fee: none.</p>
        </>
      ) : (
        <div className={`skeleton ${styles.linesSkeleton}`} aria-hidden="true" />
      )}
    </aside>
  );
}
