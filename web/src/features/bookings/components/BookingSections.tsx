import type { ListedOrder } from "../api/orders";
import { groupBookings } from "../lib/booking-groups";
import { BookingCard } from "./BookingCard";
import styles from "./BookingCard.module.css";

/** A page of bookings as two labelled regions: upcoming (soonest first), then past and cancelled. */
export function BookingSections({
  orders,
  stale,
  onCancel,
}: {
  orders: ListedOrder[];
  stale: boolean;
  onCancel: (order: ListedOrder) => void;
}) {
  const { upcoming, past } = groupBookings(orders);
  const section = (id: string, title: string, items: ListedOrder[], none: string) => (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title} <span className={styles.sectionCount}>{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className={styles.none}>{none}</p>
      ) : (
        <ul className={`${styles.list} ${stale ? styles.stale : ""}`}>
          {items.map((order) => (
            <li key={order.orderId}>
              <BookingCard order={order} onCancel={() => onCancel(order)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <>
      {section("bookings-upcoming", "Upcoming", upcoming, "Nothing coming up on this page.")}
      {past.length > 0 ? section("bookings-past", "Past and cancelled", past, "") : null}
    </>
  );
}
