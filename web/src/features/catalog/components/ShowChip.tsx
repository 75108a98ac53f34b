import { formatPaise, toPaise } from "@housefull/shared";
import { useId } from "react";
import { seatsLeftLabel } from "../../../lib/format";
import { formatPrice, formatShowTime } from "../../../lib/format-show";
import { Link } from "../../../router";
import { loadSeatsPage } from "../../../routes";
import type { ShowSummary } from "../api/shows";
import styles from "./Showtimes.module.css";

const STATUS_LABEL: Partial<Record<ShowSummary["status"], string>> = {
  FILLING_FAST: "Filling fast",
  ALMOST_FULL: "Almost full",
};

/** One show time: a link to its seats (with its prices on hover), or why it cannot be booked. */
export function ShowChip({ show }: { show: ShowSummary }) {
  const tipId = useId();
  const time = formatShowTime(show.startTime);
  const cancelled = show.status === "CANCELLED";
  const soldOut = show.seatsLeft <= 0;

  if (cancelled || soldOut) {
    const reason = cancelled ? "Cancelled" : "Sold out";
    return (
      <span className={`${styles.chip} ${styles.chipDisabled}`} aria-disabled="true">
        <span className={styles.time}>{time}</span>
        <span className={styles.sub}>{reason}</span>
        <span className="visually-hidden">, not bookable</span>
      </span>
    );
  }

  const prices = [show.price, ...show.categories.map((c) => c.price)].map(toPaise);
  const varied = new Set(prices).size > 1;
  const from = formatPrice(formatPaise(Math.min(...prices)));
  const badge = STATUS_LABEL[show.status];
  // In the order the chip shows them (badge, time, price), so the name contains the visible text.
  const label = [badge, time, varied ? `from ${from}` : from, seatsLeftLabel(show.seatsLeft)]
    .filter(Boolean)
    .join(", ");

  return (
    <>
      <Link
        to={`/shows/${show.id}/seats`}
        className={styles.chip}
        data-status={show.status}
        aria-label={label}
        aria-describedby={show.categories.length > 1 ? tipId : undefined}
        onPointerEnter={() => void loadSeatsPage()}
        onFocus={() => void loadSeatsPage()}
      >
        {badge ? <span className={styles.badge}>{badge}</span> : null}
        <span className={styles.time}>{time}</span>{" "}
        {/* "from" shown where seats cost more than the lowest price: the name then reads as the chip does. */}
        <span className={styles.sub}>{varied ? `from ${from}` : from}</span>
      </Link>
      {show.categories.length > 1 ? (
        <div role="tooltip" id={tipId} className={styles.tip}>
          <ul className={styles.tipList}>
            {show.categories.map((category) => (
              <li key={category.code}>
                <span>{category.name}</span>
                <span className={styles.tipPrice}>{formatPrice(category.price)}</span>
              </li>
            ))}
          </ul>
          <p className={styles.tipFoot}>{seatsLeftLabel(show.seatsLeft)}</p>
        </div>
      ) : null}
    </>
  );
}
