import { at } from "../db/columns";
import { check, index, integer, pgTable, primaryKey, sql, unique, uuid, varchar } from "../db/drizzle";
import { theatres } from "../db/schema";

import type { StaffRole } from "../shared/staff-roles";

/**
 * Accounts (issue 10): people who sign in, how they sign in, their sessions and staff roles. Its own
 * schema module so src/db/schema.ts stays the booking data; drizzle.config.ts reads both. Every
 * table here is new, so the migration is additive: the version serving traffic never reads them.
 */
/** The account a row belongs to: deleting the account deletes the row. */
const ownerAccount = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export const users = pgTable("users", {
  /** Also the caller's user id on orders and holds (a UUID; guests are `guest_…`). */
  id: uuid("user_id").primaryKey().defaultRandom(),
  /** Lower case; one account per address (sign-ins by verified email link to it). */
  email: varchar("email", { length: 254 }).notNull().unique("users_email_key"),
  name: varchar("name", { length: 100 }),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** An OpenID subject at one issuer (`provider` is the issuer URL) belongs to exactly one user. */
export const userIdentities = pgTable(
  "user_identities",
  {
    provider: varchar("provider", { length: 255 }).notNull(),
    subject: varchar("subject", { length: 255 }).notNull(),
    userId: ownerAccount(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "user_identities_pkey", columns: [t.provider, t.subject] }),
    index("idx_user_identities_user").on(t.userId),
  ],
);

/** A signed-in device. The cookie holds a random secret; only its HMAC is stored here. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("session_id").primaryKey().defaultRandom(),
    userId: ownerAccount(),
    secretHash: varchar("secret_hash", { length: 64 }).notNull().unique("sessions_secret_hash_key"),
    /** How the device named itself (User-Agent, shortened), for the account page's device list. */
    device: varchar("device", { length: 120 }),
    method: varchar("method", { length: 20 }).$type<"oidc" | "email">().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (t) => [index("idx_sessions_user").on(t.userId)],
);

/** The one live sign-in code of an address: HMAC-hashed, 10 minutes, 5 tries, used once. */
export const emailCodes = pgTable("email_codes", {
  email: varchar("email", { length: 254 }).primaryKey(),
  codeHash: varchar("code_hash", { length: 64 }).notNull(),
  attempts: integer("attempts").notNull().default(0),
  expiresAt: at("expires_at").notNull(),
  consumedAt: at("consumed_at"),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** Staff roles: admin everywhere (no theatre), manager and usher of one theatre each. */
export const userRoles = pgTable(
  "user_roles",
  {
    id: uuid("user_role_id").primaryKey().defaultRandom(),
    userId: ownerAccount(),
    role: varchar("role", { length: 20 }).$type<StaffRole>().notNull(),
    theatreId: uuid("theatre_id").references(() => theatres.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("user_roles_grant_key").on(t.userId, t.role, t.theatreId).nullsNotDistinct(),
    index("idx_user_roles_theatre").on(t.theatreId),
    check("user_roles_role_check", sql`${t.role} in ('admin','theatre_manager','usher')`),
    check("user_roles_scope_check", sql`(${t.role} = 'admin') = (${t.theatreId} is null)`),
  ],
);

/**
 * Which account a guest identity went to. A guest token is claimed by one account only: two
 * accounts signing in on one browser at once must not split its orders from its holds.
 */
export const guestClaims = pgTable("guest_claims", {
  guestId: varchar("guest_id", { length: 64 }).primaryKey(),
  userId: ownerAccount(),
  claimedAt: at("claimed_at").notNull().defaultNow(),
});
