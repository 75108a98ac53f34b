import type { Deps } from "../../deps";
import { renameUser } from "../accounts-store";
import { type AccountView, getAccount } from "./get-account";

export type RenameAccountOutcome = { outcome: "RENAMED"; account: AccountView } | { outcome: "ACCOUNT_NOT_FOUND" };

/** Changes the person's name and answers with the account as it now is. */
export async function renameAccount(
  deps: Deps,
  input: { userId: string; sessionId: string; name: string },
): Promise<RenameAccountOutcome> {
  if (!(await renameUser(deps.db, input.userId, input.name))) return { outcome: "ACCOUNT_NOT_FOUND" };
  const found = await getAccount(deps, input);
  return found.outcome === "FOUND" ? { outcome: "RENAMED", account: found.account } : found;
}
