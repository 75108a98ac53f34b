import { startSession } from "../../src/accounts/session-start";
import { userRoles, users } from "../../src/accounts/tables";
import { theatres } from "../../src/db/schema";
import { clientIp, deps } from "./accounts-helpers";
import { db } from "./fixtures";
import { call } from "./http";

const address = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;

async function userWith(
  label: string,
  role?: { role: "admin" | "theatre_manager" | "usher"; theatreId: string | null },
) {
  const [user] = await db()
    .insert(users)
    .values({ email: address(label) })
    .returning();
  if (!user) throw new Error("no user");
  if (role)
    await db()
      .insert(userRoles)
      .values({ userId: user.id, ...role });
  return user;
}

/** Request headers of a real signed-in session of the user: its two cookies and its CSRF token. */
async function sessionHeaders(userId: string) {
  const session = await startSession(deps(), { userId, method: "email", device: "test" });
  return {
    cookie: `__Host-hf_session=${session.secret}; __Host-hf_access=${session.accessToken}`,
    "x-csrf-token": session.csrfToken,
  };
}

/** Two theatres of their own and one caller of each kind. */
export async function sessionCallerCookies() {
  const [a, b] = await db()
    .insert(theatres)
    .values([{ name: "Staff Test A" }, { name: "Staff Test B" }])
    .returning({ id: theatres.id });
  if (!a || !b) throw new Error("no theatres");
  const admin = await userWith("admin", { role: "admin", theatreId: null });
  const managerA = await userWith("manager-a", { role: "theatre_manager", theatreId: a.id });
  const managerB = await userWith("manager-b", { role: "theatre_manager", theatreId: b.id });
  const usherA = await userWith("usher-a", { role: "usher", theatreId: a.id });
  const customer = await userWith("customer");
  const newcomer = await userWith("newcomer");
  const guest = (await (
    await call("/api/v1/auth/guest", { method: "POST", headers: { "cf-connecting-ip": clientIp() } })
  ).json()) as { token: string };
  return {
    theatreA: a.id,
    theatreB: b.id,
    newcomer: newcomer.email,
    userIds: {
      admin: admin.id,
      managerA: managerA.id,
      managerB: managerB.id,
      usherA: usherA.id,
      customer: customer.id,
    },
    headersOf: {
      admin: await sessionHeaders(admin.id),
      managerA: await sessionHeaders(managerA.id),
      managerB: await sessionHeaders(managerB.id),
      usherA: await sessionHeaders(usherA.id),
      customer: await sessionHeaders(customer.id),
      guest: { authorization: `Bearer ${guest.token}` },
      nobody: {},
    },
  };
}
