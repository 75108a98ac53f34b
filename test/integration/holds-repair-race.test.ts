import { describe, expect, it } from "vitest";
import { liveLocks } from "../support/seat-locks";
import { cancelOrder, createShow, newUser, type Order, placeOrder, redis, runCron } from "./fixtures";

/** Every seat of the default 10×10 hall. */
const hallSeats = [..."ABCDEFGHIJ"].flatMap((row) => Array.from({ length: 10 }, (_, i) => `${row}${i + 1}`));

describe("the cron's repair racing cancellations", () => {
  it("never brings back a lock of an order cancelled while it runs", async () => {
    const showId = await createShow();
    const orders: { userId: string; order: Order }[] = [];
    for (let i = 0; i < 50; i++) {
      const userId = newUser("race");
      orders.push({
        userId,
        order: await placeOrder(userId, showId, [hallSeats[2 * i] as string, hallSeats[2 * i + 1] as string]),
      });
    }
    let cancelling = true;
    // Several overlapping runs (as two colos' crons may), each reading Postgres and then writing Redis.
    const repairs = Array.from({ length: 4 }, async () => {
      let runs = 0;
      while (cancelling || runs < 2) {
        await runCron();
        runs++;
      }
      return runs;
    });
    const cancels = await Promise.all(
      orders.map(async ({ userId, order }, i) => {
        await new Promise((r) => setTimeout(r, i * 15)); // spread over the repairs' runs
        return cancelOrder(userId, order.orderId);
      }),
    );
    cancelling = false;
    expect((await Promise.all(repairs)).every((runs) => runs > 1)).toBe(true);
    expect(cancels.map((r) => r.status)).toEqual(orders.map(() => 200));

    const locks = await liveLocks(redis(), showId);
    expect([...locks.keys()].filter((seat) => hallSeats.includes(seat))).toEqual([]);
  });
});
