import * as z from "zod/mini";
import guestIssuanceLua from "../.lua/auth/guest-issuance.lua";
import { clientAddressTag } from "../accounts/secrets";
import type { Config } from "../env";
import { redisOf } from "../redis/client";
import { guestIssuanceKey, REFUSAL_COUNTS_KEY } from "../seats/redis-contract";

/** Never more than this many times the free ones an hour (a whole office behind one address stays well under). */
const MOST_GUEST_TOKENS_FACTOR = 6;

const reply = z.union([
  z.tuple([z.literal("ISSUED")]),
  z.tuple([z.literal("WAIT"), z.pipe(z.string(), z.transform(Number))]),
]);
const scripts = new WeakMap<Config, ReturnType<ReturnType<typeof redisOf>["createScript"]>>();

/** Whether this address may have one more guest token now (else how many seconds to wait): one Redis call. */
export async function guestIssuance(
  config: Config,
  clientAddress: string,
  nowMs: number,
): Promise<{ outcome: "ISSUE" } | { outcome: "WAIT"; seconds: number }> {
  let script = scripts.get(config);
  if (!script) {
    script = redisOf(config).createScript<unknown>(guestIssuanceLua);
    scripts.set(config, script);
  }
  const tag = await clientAddressTag(config, "guest", clientAddress);
  const answer = reply.parse(
    await script.exec(
      [guestIssuanceKey(tag), REFUSAL_COUNTS_KEY],
      [
        String(nowMs),
        String(config.GUEST_TOKENS_FREE_PER_HOUR),
        String(config.GUEST_TOKENS_FREE_PER_HOUR * MOST_GUEST_TOKENS_FACTOR),
      ],
    ),
  );
  return answer[0] === "ISSUED" ? { outcome: "ISSUE" } : { outcome: "WAIT", seconds: Math.max(1, answer[1]) };
}
