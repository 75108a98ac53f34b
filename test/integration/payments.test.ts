import { describe, expect, it } from "vitest";
import { createShow, newUser, placeOrder, redis, seatMap, statesOf } from "./fixtures";
import { backendCalls, errorOf } from "./http";
import { deliver, orderOf, payOrder, sessionOf, startPayment } from "./payments";

describe("paying through the provider", () => {
  it("POST /payment gives the checkout URL; the paid session's webhook confirms once, with one email", async () => {
    const showId = await createShow({ price: "180.00" });
    const user = newUser();
    const order = await placeOrder(user, showId, ["C1", "C2"]);
    const start = await startPayment(user, order.orderId);
    expect(start.status).toBe(200);
    const { url } = (await start.json()) as { url: string };
    expect(url).toMatch(/\/c\/pay\/cs_test_/);
    // A repeat returns the same session, from the database alone.
    const again = await startPayment(user, order.orderId);
    expect(((await again.json()) as { url: string }).url).toBe(url);
    expect(backendCalls(again)).toEqual({ db: 1, redis: 0, queue: 0 });

    const { webhook, sessionId, event } = await payOrder(user, order.orderId);
    expect(new URL(url).pathname.endsWith(sessionId)).toBe(true);
    expect(webhook.status).toBe(200);
    expect(backendCalls(webhook)).toMatchObject({ db: 1, redis: 0, queue: 1, payments: 1 });
    const paid = await orderOf(user, order.orderId);
    expect(paid.status).toBe("CONFIRMED");
    expect(paid.ticketCode).toMatch(/^BMS[0-9A-F]{8}$/);
    expect(statesOf(await seatMap(showId)).get("C1")?.state).toBe("BOOKED");
    expect(await redis().sismember(`booked:{${showId}}`, "C2")).toBe(1);
    expect((await sessionOf(sessionId))?.status).toBe("complete");

    const duplicate = await deliver(event.id);
    expect(duplicate.status).toBe(200);
    expect(await duplicate.json()).toEqual({ received: true, duplicate: true });
    expect(backendCalls(duplicate)).toEqual({ db: 1, redis: 0, queue: 0, payments: 1 });
    expect((await orderOf(user, order.orderId)).ticketCode).toBe(paid.ticketCode);
    const paidAgain = await startPayment(user, order.orderId);
    expect(paidAgain.status).toBe(409);
    expect((await errorOf(paidAgain)).code).toBe("ORDER_ALREADY_PAID");
  });
});
