import type * as z from "zod/mini";
// The scripts as shipped: src/seats/lua/*.lua without comments or indentation (dev/lua/shipped.ts).
import changeHeldSeatsLua from "../../.lua/seats/change-held-seats.lua";
import hallLua from "../../.lua/seats/hall.lua";
import holdBestSeatsLua from "../../.lua/seats/hold-best-seats.lua";
import holdSeatsLua from "../../.lua/seats/hold-seats.lua";
import moveHoldOwnerLua from "../../.lua/seats/move-hold-owner.lua";
import orderHoldLua from "../../.lua/seats/order-hold.lua";
import preludeLua from "../../.lua/seats/prelude.lua";
import readSeatStatesLua from "../../.lua/seats/read-seat-states.lua";
import rebuildShowStateLua from "../../.lua/seats/rebuild-show-state.lua";
import releaseHoldLua from "../../.lua/seats/release-hold.lua";
import settleOrderSeatsLua from "../../.lua/seats/settle-order-seats.lua";
import undoOrderHoldLua from "../../.lua/seats/undo-order-hold.lua";
import type { Redis } from "../../redis/client";
import { replies, type ScriptName, scriptText } from "../redis-contract";

const sources: Record<ScriptName, string> = {
  hold: holdSeatsLua,
  holdBest: holdBestSeatsLua,
  change: changeHeldSeatsLua,
  release: releaseHoldLua,
  read: readSeatStatesLua,
  order: orderHoldLua,
  undoOrder: undoOrderHoldLua,
  settle: settleOrderSeatsLua,
  moveOwner: moveHoldOwnerLua,
  rebuild: rebuildShowStateLua,
};

type Script = ReturnType<Redis["createScript"]>;

/** The seat scripts of one Redis client, loaded once; each `run` is exactly one round trip. */
export class SeatScripts {
  private readonly scripts: Record<ScriptName, Script>;

  constructor(
    readonly redis: Redis,
    opts: { keyLocking: boolean },
  ) {
    const entries = Object.entries(sources) as [ScriptName, string][];
    this.scripts = Object.fromEntries(
      entries.map(([name, body]) => [
        name,
        redis.createScript<unknown>(scriptText(body, `${preludeLua}\n${hallLua}`, opts)),
      ]),
    ) as Record<ScriptName, Script>;
  }

  /** Runs a script and parses its reply with the contract's schema (a reply off-contract throws). */
  async run<N extends ScriptName>(name: N, keys: string[], args: string[]) {
    return replies[name].parse(await this.scripts[name].exec(keys, args)) as z.output<(typeof replies)[N]>;
  }
}
