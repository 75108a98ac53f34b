import { timestamp } from "./drizzle";

/** Every moment the schema stores: timestamptz, read as the ISO string Postgres returns. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** When the row was written. */
export const createdAt = () => at("created_at").notNull().defaultNow();
