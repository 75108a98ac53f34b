import type { Deps } from "../../deps";
import { eraseUser, userById } from "../accounts-store";

export type DeleteAccountOutcome = { outcome: "DELETED"; anonymisedOrders: number } | { outcome: "ACCOUNT_NOT_FOUND" };

/**
 * Deletes the account and erases the person from their orders (name, email, phone, and the user id,
 * replaced by an anonymous one); the orders themselves stay for the theatre's books. Other devices'
 * access cookies lapse within SESSION_ACCESS_SECONDS, their sessions being gone.
 */
export async function deleteAccount(deps: Deps, input: { userId: string }): Promise<DeleteAccountOutcome> {
  const user = await userById(deps.db, input.userId);
  if (!user) return { outcome: "ACCOUNT_NOT_FOUND" };
  const erased = await eraseUser(deps.db, user, `erased_${crypto.randomUUID()}`);
  return { outcome: "DELETED", anonymisedOrders: erased.orders };
}
