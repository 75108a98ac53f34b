// `npm run admin:grant`: the arguments it accepts, and the grant itself on the test database.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { grantStaffRole, parseGrant } from "../../dev/admin-grant";
import { userRoles, users } from "../../src/accounts/tables";
import { theatres } from "../../src/db/schema";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
const db = drizzle({ client: pool });
afterAll(() => pool.end());

describe("admin:grant", () => {
  it("accepts an admin without a theatre and staff with one; refuses the rest", () => {
    const theatreId = crypto.randomUUID();
    expect(parseGrant(["Boss@Example.com", "admin"])).toEqual({
      email: "boss@example.com",
      role: "admin",
      theatreId: null,
    });
    expect(parseGrant(["u@example.com", "usher", theatreId])).toEqual({
      email: "u@example.com",
      role: "usher",
      theatreId,
    });
    for (const args of [
      [],
      ["u@example.com"],
      ["nope", "admin"],
      ["u@example.com", "root"],
      ["u@example.com", "admin", theatreId],
      ["u@example.com", "usher"],
    ])
      expect(typeof parseGrant(args), args.join(" ")).toBe("string");
  });

  it("makes the first admin before they ever signed in; granting again changes nothing", async () => {
    const email = `first-admin.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const first = await grantStaffRole(inject("databaseUrl"), { email, role: "admin", theatreId: null });
    const again = await grantStaffRole(inject("databaseUrl"), { email, role: "admin", theatreId: null });
    expect(again.userId).toBe(first.userId);
    const roles = await db.select().from(userRoles).where(eq(userRoles.userId, first.userId));
    expect(roles).toEqual([expect.objectContaining({ role: "admin", theatreId: null })]);
    expect((await db.select().from(users).where(eq(users.id, first.userId)))[0]?.email).toBe(email);
  });

  it("makes a manager of a theatre", async () => {
    const [theatre] = await db.insert(theatres).values({ name: "Grant Test" }).returning({ id: theatres.id });
    const email = `manager.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { userId } = await grantStaffRole(inject("databaseUrl"), {
      email,
      role: "theatre_manager",
      theatreId: theatre?.id ?? null,
    });
    const roles = await db.select().from(userRoles).where(eq(userRoles.userId, userId));
    expect(roles).toEqual([expect.objectContaining({ role: "theatre_manager", theatreId: theatre?.id })]);
  });
});
