// No seat spinning from one IPv6 customer (issue 15): an ISP gives a customer a whole /64, so an
// attacker can send every request from a fresh address inside it. The budgets a client address
// keys (live held seats, the guest-token cost) key an IPv6 address by its /64, an IPv4 address
// (also written IPv4-mapped, ::ffff:a.b.c.d) by itself: src/domain/client-network.ts.

import { describe, expect, it } from "vitest";
import { createShow, locksOf, newUser } from "./fixtures";
import { callSettled, errorOf, withBindings } from "./http";

/** The budgets as deployed (wrangler.toml): 20 live seats a person, 40 an address, 10 free guest tokens an hour. */
const deployed = { SEAT_BUDGET_PER_PERSON: "20", SEAT_BUDGET_PER_ADDRESS: "40", GUEST_TOKENS_FREE_PER_HOUR: "10" };

const hex16 = () => Math.floor(Math.random() * 0x10000).toString(16);
/** A /64 of the test's own (the budgets outlive a test run in Redis), inside 2001:db8::/32. */
const newPrefix = () => `2001:db8:${hex16()}:${hex16()}`;
/** The i-th address inside the /64 `prefix`, written in the many forms clients and proxies use. */
function addressIn(prefix: string, i: number): string {
  const [a, b, c, d] = prefix.split(":");
  const iid = [hex16(), hex16(), hex16(), (i + 1).toString(16)];
  const forms = [
    `${prefix}:${iid.join(":")}`,
    // Leading zeros and upper case: the same network.
    `${a}:${b}:${(c ?? "").padStart(4, "0").toUpperCase()}:${(d ?? "").padStart(4, "0")}:${iid.join(":").toUpperCase()}`,
    // Compressed: the interface id mostly zeros.
    `${prefix}::${iid[3]}`,
    `${prefix}:${iid[0]}::${iid[3]}`,
  ];
  return forms[i % forms.length] ?? "";
}

const bestHold = (userId: string, address: string, showId: string, quantity: number) =>
  callSettled("/api/v1/holds", {
    method: "POST",
    headers: { "x-user-id": userId, "cf-connecting-ip": address },
    json: { showId, best: { quantity } },
  });

const heldSeats = async (showIds: string[]) =>
  (await Promise.all(showIds.map((id) => locksOf(id)))).reduce((sum, l) => sum + l.size, 0);

describe("the client-address budgets key an IPv6 address by its /64", () => {
  it("20 identities, each from its own address of one /64, 10-seat holds on four shows: at most the address budget; another /64 still gets seats", () =>
    withBindings(deployed, async () => {
      const showIds = await Promise.all([createShow(), createShow(), createShow(), createShow()]);
      const prefix = newPrefix();
      const bots = Array.from({ length: 20 }, (_, i) => ({ id: newUser("v6bot"), address: addressIn(prefix, i) }));
      const answers = await Promise.all(
        bots.flatMap((bot, i) =>
          showIds.map((showId, k) => bestHold(bot.id, addressIn(prefix, i * 4 + k), showId, 10)),
        ),
      );
      expect(answers.filter((r) => r.status === 201)).toHaveLength(4); // 40 seats: SEAT_BUDGET_PER_ADDRESS
      expect(await heldSeats(showIds)).toBe(40);
      const refused = await Promise.all(answers.filter((r) => r.status !== 201).map((r) => errorOf(r)));
      expect(refused.every((e) => e.code === "SEAT_BUDGET")).toBe(true);
      expect(refused.filter((e) => e.whose === "ADDRESS").length).toBeGreaterThan(0);

      // The next /64 (another customer) is not held back by this one.
      const [a, b, c, d] = prefix.split(":");
      const neighbour = `${a}:${b}:${c}:${(Number.parseInt(d ?? "0", 16) ^ 1).toString(16)}::1`;
      expect((await bestHold(newUser("family"), neighbour, showIds[0] ?? "", 4)).status).toBe(201);
    }));

  it("an IPv4 address written IPv4-mapped shares the IPv4 address's budget; the next IPv4 address does not", () =>
    withBindings(deployed, async () => {
      const showIds = await Promise.all([createShow(), createShow(), createShow()]);
      const octets = [203, 0, 113, 1 + Math.floor(Math.random() * 250)];
      const v4 = octets.join(".");
      for (const [i, address] of [v4, `::ffff:${v4}`, `::FFFF:${v4}`, `0:0:0:0:0:ffff:${v4}`].entries()) {
        expect((await bestHold(newUser("mapped"), address, showIds[i % 3] ?? "", 10)).status, address).toBe(201);
      }
      const over = await bestHold(newUser("mapped"), `::ffff:${v4}`, showIds[2] ?? "", 1);
      expect(await errorOf(over)).toMatchObject({ code: "SEAT_BUDGET", whose: "ADDRESS", limit: 40 });
      const next = `203.0.113.${(octets[3] ?? 0) + 1}`;
      expect((await bestHold(newUser("next-door"), next, showIds[2] ?? "", 10)).status).toBe(201);
    }));

  it("guest tokens cost more in bulk per /64, not per address inside it", () =>
    withBindings(deployed, async () => {
      const prefix = newPrefix();
      const guest = (address: string) =>
        callSettled("/api/v1/auth/guest", { method: "POST", headers: { "cf-connecting-ip": address } });
      for (let i = 0; i < 10; i++) expect((await guest(addressIn(prefix, i))).status).toBe(201);
      const next = await guest(addressIn(prefix, 10));
      expect(next.status).toBe(429);
      expect(next.headers.get("retry-after")).toBe("1");
      expect((await guest(`${newPrefix()}::1`)).status).toBe(201);
    }));
});
