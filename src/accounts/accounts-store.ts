import type { Database } from "../db/client";
import { and, asc, desc, eq, exists, gt, inArray, isNull, lt, or, type SQL, sql } from "../db/drizzle";
import { emailLog, orders, theatres } from "../db/schema";
import type { StaffRole } from "../shared/staff-roles";
import { emailCodes, guestClaims, sessions, userIdentities, userRoles, users } from "./tables";

/**
 * Every SQL statement of the accounts domain. Each function is one round trip (a statement or one
 * `db.batch`, which Neon runs as one transaction), so a use case can count what it costs.
 */
export type UserRow = typeof users.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Only account user ids are UUIDs (guests are `guest_…`, dev ids anything): nothing else is looked up. */
export const isAccountId = (userId: string) => UUID.test(userId);

export async function userOfIdentity(db: Database, provider: string, subject: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  return row;
}

/** The account of a verified address: the existing one, or a new one (a concurrent twin finds the same row). */
export async function userOfVerifiedEmail(db: Database, email: string, name: string | null): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ email, name })
    .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
    .returning();
  if (!row) throw new Error("user upsert returned nothing");
  return row;
}

/** A new account for an address nobody has; undefined when the address already has one. */
export async function newUserOfEmail(db: Database, email: string, name: string | null): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values({ email, name }).onConflictDoNothing().returning();
  return row;
}

export async function linkIdentity(db: Database, link: { provider: string; subject: string; userId: string }) {
  await db.insert(userIdentities).values(link).onConflictDoNothing();
}

export async function userById(db: Database, userId: string): Promise<UserRow | undefined> {
  if (!isAccountId(userId)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

export async function renameUser(db: Database, userId: string, name: string): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ name }).where(eq(users.id, userId)).returning();
  return row;
}

// ---- sessions ------------------------------------------------------------------------------------

export async function insertSession(db: Database, row: typeof sessions.$inferInsert): Promise<string> {
  const [session] = await db.insert(sessions).values(row).returning({ id: sessions.id });
  if (!session) throw new Error("session insert returned nothing");
  return session.id;
}

/** The live session whose secret hashes to `secretHash`, marked seen now; undefined if revoked or over. */
export async function touchSession(db: Database, secretHash: string, now: Date) {
  const [row] = await db
    .update(sessions)
    .set({ lastSeenAt: now.toISOString() })
    .where(
      and(eq(sessions.secretHash, secretHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString())),
    )
    .returning({ sessionId: sessions.id, userId: sessions.userId });
  return row;
}

/** Revokes the unrevoked sessions `which` picks; how many it revoked. */
async function revokeSessionsWhere(db: Database, which: SQL, now: Date): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(which, isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export const revokeSession = (db: Database, sessionId: string, now: Date) =>
  revokeSessionsWhere(db, eq(sessions.id, sessionId), now);

export const revokeSessionsOf = (db: Database, userId: string, now: Date) =>
  revokeSessionsWhere(db, eq(sessions.userId, userId), now);

/** The account and its signed-in devices (live sessions), newest first: one transaction. */
export async function accountOf(db: Database, userId: string, now: Date) {
  if (!isAccountId(userId)) return undefined;
  const [[user], devices] = await db.batch([
    db.select().from(users).where(eq(users.id, userId)),
    db
      .select({
        sessionId: sessions.id,
        device: sessions.device,
        method: sessions.method,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString())))
      .orderBy(desc(sessions.lastSeenAt))
      .limit(50),
  ]);
  return user ? { user, devices } : undefined;
}

/**
 * Erases a person (one transaction): their orders stay for the theatre's books but lose every
 * personal detail and the link to the account; their email log rows forget the address; the user,
 * identities, sessions and roles go (cascade), and any sign-in code of the address.
 */
export async function eraseUser(db: Database, user: { id: string; email: string }, anonymousId: string) {
  const mine = db.select({ id: orders.id }).from(orders).where(eq(orders.userId, user.id));
  const [erasedLog, erasedOrders] = await db.batch([
    db.update(emailLog).set({ recipient: "erased" }).where(inArray(emailLog.orderId, mine)).returning({
      orderId: emailLog.orderId,
    }),
    db
      .update(orders)
      .set({ userId: anonymousId, customerName: null, customerEmail: null, customerPhone: null })
      .where(eq(orders.userId, user.id))
      .returning({ id: orders.id }),
    db.delete(emailCodes).where(eq(emailCodes.email, user.email)),
    db.delete(users).where(eq(users.id, user.id)),
  ]);
  return { orders: erasedOrders.length, emails: erasedLog.length };
}

// ---- guest orders --------------------------------------------------------------------------------

/** Moves a guest's orders to an account in one statement; a second run finds nothing left to move. */
/**
 * The guest identity becomes `userId`'s unless another account claimed it first, and its orders
 * move with it: one transaction (the claim row's key makes a concurrent claim wait, then lose).
 * `claimedBy` is the account the guest went to, this one or the first.
 */
export async function claimGuestWithOrders(db: Database, guestId: string, userId: string) {
  const [, moved, claims] = await db.batch([
    db.insert(guestClaims).values({ guestId, userId }).onConflictDoNothing(),
    db
      .update(orders)
      .set({ userId })
      .where(
        and(
          eq(orders.userId, guestId),
          exists(
            db
              .select({ one: sql`1` })
              .from(guestClaims)
              .where(and(eq(guestClaims.guestId, guestId), eq(guestClaims.userId, userId))),
          ),
        ),
      )
      .returning({ id: orders.id }),
    db.select({ userId: guestClaims.userId }).from(guestClaims).where(eq(guestClaims.guestId, guestId)),
  ]);
  return { claimedBy: claims[0]?.userId, movedOrders: moved.length };
}

// ---- email codes ---------------------------------------------------------------------------------

/** The address's one live code, replacing any earlier one (whose tries it does not inherit). */
export async function storeEmailCode(db: Database, code: { email: string; codeHash: string; expiresAt: Date }) {
  const row = { email: code.email, codeHash: code.codeHash, expiresAt: code.expiresAt.toISOString(), attempts: 0 };
  await db
    .insert(emailCodes)
    .values(row)
    .onConflictDoUpdate({
      target: emailCodes.email,
      set: { ...row, consumedAt: null, createdAt: sql`now()` },
    });
}

/**
 * One try at the address's code, in one statement: counts the try and, when it matches, consumes the
 * code. The row lock makes concurrent tries take turns, so a code is consumed at most once and never
 * tried more than `maxAttempts` times. undefined: no live code (none, used, expired or out of tries).
 */
export async function tryEmailCode(
  db: Database,
  attempt: { email: string; codeHash: string; now: Date; maxAttempts: number },
): Promise<{ matched: boolean; attempts: number } | undefined> {
  const now = attempt.now.toISOString();
  const matches = sql<boolean>`${emailCodes.codeHash} = ${attempt.codeHash}`;
  const [row] = await db
    .update(emailCodes)
    .set({
      attempts: sql`${emailCodes.attempts} + 1`,
      consumedAt: sql`case when ${matches} then ${now}::timestamptz end`,
    })
    .where(
      and(
        eq(emailCodes.email, attempt.email),
        isNull(emailCodes.consumedAt),
        gt(emailCodes.expiresAt, now),
        lt(emailCodes.attempts, attempt.maxAttempts),
      ),
    )
    .returning({ matched: sql<boolean>`${emailCodes.consumedAt} is not null`, attempts: emailCodes.attempts });
  return row;
}

// ---- staff roles ---------------------------------------------------------------------------------

/** Whether the theatre exists, and the caller's roles that reach it (admin, or a role at it): one query. */
export async function rolesAt(db: Database, userId: string, theatreId: string) {
  const rows = await db
    .select({ theatreId: theatres.id, role: userRoles.role })
    .from(theatres)
    .leftJoin(
      userRoles,
      and(
        eq(userRoles.userId, userId),
        or(eq(userRoles.theatreId, theatres.id), and(eq(userRoles.role, "admin"), isNull(userRoles.theatreId))),
      ),
    )
    .where(eq(theatres.id, theatreId));
  if (rows.length === 0) return undefined;
  return rows.flatMap((r) => (r.role ? [r.role] : []));
}

/** Every role of a person, with the theatre it is held at (null for admin). */
export async function rolesOf(db: Database, userId: string) {
  return db
    .select({ role: userRoles.role, theatreId: userRoles.theatreId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
}

export async function staffOf(db: Database, theatreId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(userRoles.theatreId, theatreId))
    .orderBy(asc(userRoles.role), asc(users.email));
}

export async function userIdOfEmail(db: Database, email: string): Promise<string | undefined> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user?.id;
}

/** The INSERT of a role (granting twice is a no-op), to batch with its audit row. */
export const grantRole = (db: Database, grant: { userId: string; role: StaffRole; theatreId: string | null }) =>
  db.insert(userRoles).values(grant).onConflictDoNothing().returning({ id: userRoles.id });

/** The DELETE of a role at a theatre, to batch with its audit row. */
export const revokeRole = (db: Database, grant: { userId: string; role: StaffRole; theatreId: string }) =>
  db
    .delete(userRoles)
    .where(
      and(eq(userRoles.userId, grant.userId), eq(userRoles.role, grant.role), eq(userRoles.theatreId, grant.theatreId)),
    )
    .returning({ id: userRoles.id });
