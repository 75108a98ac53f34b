import { describe, expect, it } from "vitest";
import { createShow, deleteHold, getHold, type Hold, newUser, postHold, putHold, seatMap, statesOf } from "./fixtures";
import { backendCalls, call, errorOf } from "./http";

describe("smoke", () => {
  it("holds, reads, changes, releases", async () => {
    const showId = await createShow();
    const user = newUser();
    const res = await postHold(user, showId, ["A1", "A2"]);
    const body = await res.text();
    expect(res.status, body).toBe(201);
    const hold = JSON.parse(body) as Hold;
    console.log(hold, res.headers.get("server-timing"));
    const again = await postHold(newUser(), showId, ["A3"]);
    console.log(again.status, again.headers.get("server-timing"));
    const map = await seatMap(showId, user);
    console.log(map.counts, statesOf(map).get("A1"));
    const got = await getHold(user, hold.holdId);
    console.log(got.status, await got.text(), got.headers.get("server-timing"));
    const put = await putHold(user, hold.holdId, ["B1", "A2"]);
    console.log(put.status, await put.text());
    const del = await deleteHold(user, hold.holdId);
    console.log(del.status, await del.text());
    const map2 = await seatMap(showId, user);
    console.log(map2.counts);
  });
});
