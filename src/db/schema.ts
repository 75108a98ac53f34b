/**
 * The worker's tables, one module per domain, read through this one index (every store imports from
 * here; drizzle gets no relational schema: nothing uses `db.query`). The accounts, door and back-office
 * tables live with their domains (src/accounts/tables.ts, src/door/tables.ts, src/admin/tables.ts,
 * src/admin/ops-tables.ts).
 */
export { ORDER_STATUSES, type OrderStatus, SHOW_STATUSES, type ShowStatus } from "../domain/statuses";
export { onsaleEvents } from "../onsale/tables";
export { movies, screens, seatLayouts, shows, theatres } from "./catalog-tables";
export { emailLog, houseSeats, orderSeats, orders, paymentEvents } from "./order-tables";
