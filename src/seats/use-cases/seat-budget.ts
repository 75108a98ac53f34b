import { clientAddressTag } from "../../accounts/secrets";
import { BUDGET_TAG_LENGTH } from "../../domain/hold-id";
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
  // As short as a hold id carries it (domain/hold-id.ts); 64 bits keep addresses apart.
  const addressTag = (await clientAddressTag(config, "seat-budget", clientAddress)).slice(0, BUDGET_TAG_LENGTH);
  // Without Cloudflare in front (local development) there is no client address to budget.
  const perAddress = clientAddress === LOCAL_ADDRESS ? Number.MAX_SAFE_INTEGER : config.SEAT_BUDGET_PER_ADDRESS;
  return { addressTag, perPerson: config.SEAT_BUDGET_PER_PERSON, perAddress };
}
