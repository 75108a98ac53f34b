// The staff authorization helper's matrix on a real staff route: who may read and change a
// theatre's staff. Every caller is a real session (cookies + CSRF token), a guest token or nobody.
import { beforeAll, describe, expect, it } from "vitest";
import { type HeldStaffRole, mayDo } from "../../src/shared/staff-roles";
import { call } from "./http";
import { sessionCallerCookies } from "./staff-fixtures";

type Caller = "admin" | "managerA" | "managerB" | "usherA" | "customer" | "guest" | "nobody";
let theatreA: string;
let headersOf: Record<Caller, Record<string, string>>;
let newcomer: string;

beforeAll(async () => {
  ({ theatreA, headersOf, newcomer } = await sessionCallerCookies());
});

const staffPath = (theatreId: string) => `/api/v1/admin/theatres/${theatreId}/staff`;
const write = (who: Caller, body: unknown, theatreId = theatreA) =>
  call(staffPath(theatreId), {
    method: "POST",
    headers: { ...headersOf[who], origin: "http://localhost" },
    json: body,
  });

describe("authorizeStaff on /admin/theatres/{theatreId}/staff", () => {
  it.each<[Caller, number]>([
    ["admin", 200],
    ["managerA", 200],
    ["usherA", 200],
    ["managerB", 404],
    ["customer", 404],
    ["guest", 404],
    ["nobody", 401],
  ])("GET as %s → %i", async (who, status) => {
    const res = await call(staffPath(theatreA), { headers: headersOf[who] });
    expect(res.status).toBe(status);
    if (status === 404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("THEATRE_NOT_FOUND");
    if (status === 200) {
      const { staff } = (await res.json()) as { staff: { role: string }[] };
      expect(staff.map((s) => s.role).sort()).toEqual(expect.arrayContaining(["theatre_manager", "usher"]));
    }
  });

  it.each<[Caller, number]>([
    ["admin", 201],
    ["managerA", 201],
    ["usherA", 403],
    ["managerB", 404],
    ["customer", 404],
    ["guest", 404],
    ["nobody", 401],
  ])("POST (make an usher) as %s → %i", async (who, status) => {
    const res = await write(who, { email: newcomer, role: "usher" });
    expect(res.status).toBe(status);
    if (status === 403) expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  });

  it("only an admin may make a manager; a manager gets 403", async () => {
    expect((await write("managerA", { email: newcomer, role: "theatre_manager" })).status).toBe(403);
    expect((await write("admin", { email: newcomer, role: "theatre_manager" })).status).toBe(201);
  });

  it("a theatre that does not exist is 404 even for an admin; a malformed id is 400", async () => {
    expect((await call(staffPath(crypto.randomUUID()), { headers: headersOf.admin })).status).toBe(404);
    expect((await call(staffPath("not-a-uuid"), { headers: headersOf.admin })).status).toBe(400);
  });

  it("a staff write made with cookies still needs the CSRF token", async () => {
    const { "x-csrf-token": _, ...noToken } = headersOf.managerA;
    const res = await call(staffPath(theatreA), {
      method: "POST",
      headers: { ...noToken, origin: "http://localhost" },
      json: { email: newcomer, role: "usher" },
    });
    expect(res.status).toBe(403);
  });
});

describe("GET /account/roles: what the back office may offer", () => {
  const rolesOf = async (who: Caller) => {
    const res = await call("/api/v1/account/roles", { headers: headersOf[who] });
    return { status: res.status, body: (await res.json()) as { roles: HeldStaffRole[] } };
  };

  it("names each role with where it holds; guests and customers hold none; nobody is 401", async () => {
    expect((await rolesOf("admin")).body.roles).toEqual([{ role: "admin", theatreId: null }]);
    expect((await rolesOf("managerA")).body.roles).toEqual([{ role: "theatre_manager", theatreId: theatreA }]);
    expect((await rolesOf("usherA")).body.roles).toEqual([{ role: "usher", theatreId: theatreA }]);
    expect((await rolesOf("customer")).body.roles).toEqual([]);
    expect((await rolesOf("guest")).body.roles).toEqual([]);
    expect((await rolesOf("nobody")).status).toBe(401);
  });

  it("the shared table the web reads agrees with what the API allows: an usher may not change staff", async () => {
    const usher = (await rolesOf("usherA")).body.roles;
    expect(mayDo(usher, "manage", { theatreId: theatreA })).toBe(false);
    expect((await write("usherA", { email: newcomer, role: "usher" })).status).toBe(403);
    const manager = (await rolesOf("managerA")).body.roles;
    expect(mayDo(manager, "manage", { theatreId: theatreA })).toBe(true);
    expect(mayDo(manager, "manage", "everywhere")).toBe(false);
  });
});
