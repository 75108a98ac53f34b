import { clientAddressTag } from "../../accounts/secrets";
import type { Config } from "../../env";
import { LOCAL_ADDRESS } from "../../http/rate-limit";
import type { SeatBudget } from "../store/hold-seats";

export type { SeatBudget };

/** A seat-budget refusal: whose budget (the person's or their client address's) and its size. */
export type SeatBudgetRefusal = { outcome: "SEAT_BUDGET"; whose: "PERSON" | "ADDRESS"; limit: number };

/**
 * The live-seat budgets of a request (no seat spinning, issue 15): the caller's, and their client
 * address's, named in Redis by a keyed hash so no address is stored.
 */
export async function seatBudgetOf(config: Config, clientAddress: string): Promise<SeatBudget> {
  const addressTag = await clientAddressTag(config, "seat-budget", clientAddress);
  // Without Cloudflare in front (local development) there is no client address to budget.
  const perAddress = clientAddress === LOCAL_ADDRESS ? Number.MAX_SAFE_INTEGER : config.SEAT_BUDGET_PER_ADDRESS;
  return { addressTag, perPerson: config.SEAT_BUDGET_PER_PERSON, perAddress };
}
