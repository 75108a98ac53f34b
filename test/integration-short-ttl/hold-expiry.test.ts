import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createShow, getHold, type Hold, newUser, postHold, putHold, seatMap, statesOf } from "../integration/fixtures";
import { errorOf } from "../integration/http";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`holds with HOLD_TTL_SECONDS=${env.HOLD_TTL_SECONDS}`, () => {
  it("expire on time: seats free for others, the hold answers 410, it no longer counts for the limit", async () => {
    const ttlMs = Number(env.HOLD_TTL_SECONDS) * 1000;
    expect(ttlMs).toBeLessThanOrEqual(5_000);
    const showId = await createShow();
    const user = newUser();
    const res = await postHold(user, showId, ["A1", "A2"]);
    expect(res.status).toBe(201);
    const hold = (await res.json()) as Hold;
    expect(new Date(hold.expiresAt).getTime() - new Date(hold.createdAt).getTime()).toBe(ttlMs);
    await postHold(user, showId, ["A5"]);
    expect((await postHold(newUser(), showId, ["A1"])).status).toBe(409);

    await sleep(ttlMs + 300);

    expect(statesOf(await seatMap(showId)).get("A1")?.state).toBe("AVAILABLE");
    const expired = await getHold(user, hold.holdId);
    expect(expired.status).toBe(410);
    expect((await errorOf(expired)).code).toBe("HOLD_EXPIRED");
    expect((await putHold(user, hold.holdId, ["A3"])).status).toBe(410);
    expect((await postHold(newUser(), showId, ["A1", "A2"])).status).toBe(201);
    // Both of the user's holds have lapsed, so the per-show limit lets them hold again.
    expect((await postHold(user, showId, ["B1"])).status).toBe(201);
    expect((await postHold(user, showId, ["B2"])).status).toBe(201);
  });
});
