import type { Deps } from "../../deps";
import { accountOf } from "../accounts-store";

export interface AccountView {
  userId: string;
  email: string;
  name: string | null;
  createdAt: string;
  devices: {
    sessionId: string;
    device: string | null;
    method: string;
    signedInAt: string;
    lastSeenAt: string;
    current: boolean;
  }[];
}

export type GetAccountOutcome = { outcome: "FOUND"; account: AccountView } | { outcome: "ACCOUNT_NOT_FOUND" };

const iso = (value: string) => new Date(value).toISOString();

/** The signed-in person's account and the devices signed in to it (live sessions). */
export async function getAccount(deps: Deps, input: { userId: string; sessionId: string }): Promise<GetAccountOutcome> {
  const found = await accountOf(deps.db, input.userId, deps.clock.now());
  if (!found) return { outcome: "ACCOUNT_NOT_FOUND" };
  const { user, devices } = found;
  return {
    outcome: "FOUND",
    account: {
      userId: user.id,
      email: user.email,
      name: user.name,
      createdAt: iso(user.createdAt),
      devices: devices.map((d) => ({
        sessionId: d.sessionId,
        device: d.device,
        method: d.method,
        signedInAt: iso(d.createdAt),
        lastSeenAt: iso(d.lastSeenAt),
        current: d.sessionId === input.sessionId,
      })),
    },
  };
}
