import type * as z from "zod/mini";
import queueConfigureLua from "../.lua/onsale/queue-configure.lua";
import queueLeaveLua from "../.lua/onsale/queue-leave.lua";
import queueMoveLua from "../.lua/onsale/queue-move.lua";
import queuePollLua from "../.lua/onsale/queue-poll.lua";
import queueRestoreEndedLua from "../.lua/onsale/queue-restore-ended.lua";
import preludeLua from "../.lua/seats/prelude.lua";
import type { Config } from "../env";
import type { Redis } from "../redis/client";
import { redisOf } from "../redis/client";
import { scriptText } from "../seats/redis-contract";
import { eventKeys, type QueueScriptName, queueReplies } from "./redis-keys";

const sources: Record<QueueScriptName, string> = {
  poll: queuePollLua,
  leave: queueLeaveLua,
  move: queueMoveLua,
  configure: queueConfigureLua,
  restoreEnded: queueRestoreEndedLua,
};

/** How many admissions one poll may make at most: keeps every script call short. */
export const MAX_ADMISSIONS_PER_CALL = 500;

/** The waiting room's settings as Redis keeps them. */
export interface QueueSettings {
  opensAtMs: number;
  perSecond: number;
  maxActive: number;
  windowMs: number;
  /** How long the event's keys live. */
  ttlMs: number;
}

export type PollReply =
  | { state: "EVENT_UNKNOWN" }
  | { state: "PRE_QUEUE"; waiting: number; opensAtMs: number }
  | { state: "QUEUED"; place: number; perSecond: number; maxActive: number; windowMs: number; active: number }
  | { state: "ADMITTED"; untilMs: number };

type Script = ReturnType<Redis["createScript"]>;

/** The waiting room's scripts (loaded as the seat scripts are, with their prelude); each call is one round trip. */
export class QueueStore {
  private readonly scripts: Record<QueueScriptName, Script>;

  constructor(redis: Redis, opts: { keyLocking: boolean }) {
    const entries = Object.entries(sources) as [QueueScriptName, string][];
    this.scripts = Object.fromEntries(
      entries.map(([name, body]) => [name, redis.createScript<unknown>(scriptText(body, preludeLua, opts))]),
    ) as Record<QueueScriptName, Script>;
  }

  private async run<N extends QueueScriptName>(name: N, eventId: string, args: string[]) {
    const reply = await this.scripts[name].exec(eventKeys(eventId), args);
    return queueReplies[name].parse(reply) as z.output<(typeof queueReplies)[N]>;
  }

  /** Joins the line (once) or reads one's place, admitting whoever is due: queue-poll.lua. */
  async poll(eventId: string, visitor: string, nowMs: number, ttlMs: number): Promise<PollReply> {
    const draw = crypto.getRandomValues(new Uint32Array(2));
    // 53 random bits in [0, 1): a draw nobody can choose or repeat for a better place.
    const place = ((draw[0] ?? 0) * 2 ** 21 + ((draw[1] ?? 0) >>> 11)) / 2 ** 53;
    const args = [visitor, String(nowMs), String(place), String(MAX_ADMISSIONS_PER_CALL), String(ttlMs)];
    const reply = await this.run("poll", eventId, args);
    switch (reply[0]) {
      case "EVENT_UNKNOWN":
        return { state: reply[0] };
      case "PRE_QUEUE":
        return { state: reply[0], waiting: reply[1], opensAtMs: reply[2] };
      case "QUEUED":
        return {
          state: reply[0],
          place: reply[1],
          perSecond: reply[2],
          maxActive: reply[3],
          windowMs: reply[4],
          active: reply[5],
        };
      case "ADMITTED":
        return { state: reply[0], untilMs: reply[1] };
    }
  }

  /** Out of the line, or done shopping (the admission's token then admits no new hold): queue-leave.lua. */
  async leave(eventId: string, visitor: string, nowMs: number, windowMs: number): Promise<void> {
    await this.run("leave", eventId, [visitor, String(nowMs), String(windowMs)]);
  }

  /** A guest who signed in keeps their place or admission, now the account's (the guest's ends): queue-move.lua. */
  async move(
    eventId: string,
    move: { guestId: string; userId: string; nowMs: number; windowMs: number },
  ): Promise<"MOVED" | "NOT_IN_LINE"> {
    const args = [move.guestId, move.userId, String(move.nowMs), String(move.windowMs)];
    const [outcome] = await this.run("move", eventId, args);
    return outcome;
  }

  /**
   * The admissions of paid orders (visitor, its end in ms) end again, and the event's done set is
   * whole again for at least `ttlMs`: queue-restore-ended.lua.
   */
  async restoreEnded(
    eventId: string,
    nowMs: number,
    ttlMs: number,
    ended: { visitor: string; untilMs: number }[],
  ): Promise<number> {
    const args = [String(nowMs), String(ttlMs), ...ended.flatMap((e) => [e.visitor, String(e.untilMs)])];
    const [, restored] = await this.run("restoreEnded", eventId, args);
    return restored;
  }

  /**
   * Writes the event's settings, or (undefined) removes its waiting room. `isNew`: the event was just
   * made, so no admission of it has ended yet and its (empty) done set is whole as it stands.
   */
  async configure(eventId: string, settings: QueueSettings | undefined, opts: { isNew: boolean }): Promise<void> {
    const args = settings
      ? [settings.opensAtMs, settings.perSecond, settings.maxActive, settings.windowMs, settings.ttlMs]
          .map(String)
          .concat(opts.isNew ? "1" : "0")
      : [""];
    await this.run("configure", eventId, args);
  }
}

const stores = new WeakMap<Config, QueueStore>();

/** The isolate's QueueStore for this configuration (scripts are created once). */
export function queueStoreOf(config: Config): QueueStore {
  let store = stores.get(config);
  if (!store) {
    store = new QueueStore(redisOf(config), { keyLocking: config.UPSTASH_KEY_LOCKING });
    stores.set(config, store);
  }
  return store;
}
