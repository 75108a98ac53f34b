import { mayDo, type StaffAction, type StaffScope } from "@housefull/shared";
import { useMyRoles } from "./queries";

/**
 * Whether the signed-in person's roles allow `action` in `scope`, by the API's own table
 * (src/shared/staff-roles.ts): the back office hides what the API would refuse. False until the
 * roles are known, so a button never flashes in and out.
 */
export function useStaffCan(): (action: StaffAction, scope: StaffScope) => boolean {
  const roles = useMyRoles();
  const grants = roles.data?.roles ?? [];
  return (action, scope) => mayDo(grants, action, scope);
}
