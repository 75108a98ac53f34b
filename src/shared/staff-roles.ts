/**
 * Staff roles and what each may do (issue 10): the worker's one authorization decision
 * (src/accounts/use-cases/authorize-staff.ts) and the back office's buttons read the same table, so
 * the web never offers an action the API would refuse.
 */
export const STAFF_ROLES = ["admin", "theatre_manager", "usher"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a staff route does at a theatre: look, admit people at the door, or change something. */
export type StaffAction = "read" | "admit" | "manage";

/** Each role's actions at a theatre in its scope (an admin's scope is every theatre). */
export const ROLE_ACTIONS: Record<StaffRole, readonly StaffAction[]> = {
  admin: ["read", "admit", "manage"],
  theatre_manager: ["read", "admit", "manage"],
  usher: ["read", "admit"],
};

/** One role a person holds: at a theatre, or everywhere (`theatreId` null: admin). */
export interface HeldStaffRole {
  role: StaffRole;
  theatreId: string | null;
}

/**
 * Where an action is asked: at one theatre, at any theatre the person works at (lists, reports),
 * or everywhere (admins only: movies, new theatres).
 */
export type StaffScope = { theatreId: string } | "any-theatre" | "everywhere";

export const roleAllows = (role: StaffRole, action: StaffAction): boolean => ROLE_ACTIONS[role].includes(action);

/** The grants that allow `action` in `scope`. */
export function grantsAllowing(
  grants: readonly HeldStaffRole[],
  action: StaffAction,
  scope: StaffScope,
): HeldStaffRole[] {
  return grants.filter((g) => {
    if (!roleAllows(g.role, action)) return false;
    if (g.role === "admin") return true;
    if (scope === "everywhere") return false;
    return scope === "any-theatre" || g.theatreId === scope.theatreId;
  });
}

export const mayDo = (grants: readonly HeldStaffRole[], action: StaffAction, scope: StaffScope): boolean =>
  grantsAllowing(grants, action, scope).length > 0;
