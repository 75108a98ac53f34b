/**
 * `npm run admin:grant -- <email> <role> [theatreId]`: gives a person a staff role, straight in the
 * database at DATABASE_URL (the way to make the first admin). The account is created if the person
 * has not signed in yet; signing in later with that verified address links to it.
 */

import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { userRoles, users } from "../src/accounts/tables.ts";
import { STAFF_ROLES, type StaffRole } from "../src/shared/staff-roles.ts";

export interface Grant {
  email: string;
  role: StaffRole;
  theatreId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The grant the arguments ask for, or a sentence saying what is wrong with them. */
export function parseGrant(args: string[]): Grant | string {
  const [rawEmail, role, theatreId] = args;
  const usage = "usage: npm run admin:grant -- <email> <admin|theatre_manager|usher> [theatreId]";
  if (!rawEmail || !role) return usage;
  const email = rawEmail.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return `not an email address: ${rawEmail}`;
  if (!(STAFF_ROLES as readonly string[]).includes(role)) return usage;
  if (role === "admin" && theatreId) return "an admin's role covers every theatre: give no theatreId";
  if (role !== "admin" && !(theatreId && UUID.test(theatreId))) return `${role} needs the theatre's id (a UUID)`;
  return { email, role: role as StaffRole, theatreId: role === "admin" ? null : (theatreId ?? "").toLowerCase() };
}

/** Creates the account if need be and grants the role (granting twice changes nothing): one transaction. */
export async function grantStaffRole(databaseUrl: string, grant: Grant): Promise<{ userId: string }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const db = drizzle({ client: pool });
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: grant.email })
        .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
        .returning({ id: users.id });
      if (!user) throw new Error("no user row");
      await tx
        .insert(userRoles)
        .values({ userId: user.id, role: grant.role, theatreId: grant.theatreId })
        .onConflictDoNothing();
      return { userId: user.id };
    });
  } finally {
    await pool.end();
  }
}

async function main() {
  const grant = parseGrant(process.argv.slice(2));
  if (typeof grant === "string") {
    console.error(grant);
    process.exit(2);
  }
  const url = process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/housefull";
  try {
    const { userId } = await grantStaffRole(url, grant);
    const where = grant.theatreId ? ` at theatre ${grant.theatreId}` : "";
    console.log(`${grant.email} (user ${userId}) is now ${grant.role}${where}.`);
  } catch (error) {
    // A foreign-key failure: no such theatre.
    const failure = error as { code?: string; cause?: { code?: string } };
    if ((failure.code ?? failure.cause?.code) === "23503") console.error(`No theatre ${grant.theatreId}.`);
    else console.error((error as Error).message);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void main();
