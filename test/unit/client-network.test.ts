import { describe, expect, it } from "vitest";
import { networkOfAddress } from "../../src/domain/client-network";

describe("networkOfAddress: the key a client address's budgets count under", () => {
  it("an IPv4 address is itself", () => {
    expect(networkOfAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(networkOfAddress("203.0.113.8")).not.toBe(networkOfAddress("203.0.113.7"));
    expect(networkOfAddress(" 10.0.0.1 ")).toBe("10.0.0.1");
  });

  it("an IPv6 address is its /64, whatever the notation", () => {
    const forms = [
      "2001:db8:0:1:aaaa:bbbb:cccc:dddd",
      "2001:0DB8:0000:0001:0000:0000:0000:0001",
      "2001:db8::1:0:0:0:1",
      "2001:db8:0:1::",
      "2001:db8:0:1::ffff:1.2.3.4",
      "[2001:db8:0:1::5]",
      "fe80::1%eth0".replace("fe80::", "2001:db8:0:1::"),
    ];
    for (const form of forms) expect(networkOfAddress(form), form).toBe("2001:db8:0:1::/64");
    expect(networkOfAddress("2001:db8:0:2::1")).toBe("2001:db8:0:2::/64");
    expect(networkOfAddress("::1")).toBe("0:0:0:0::/64");
    expect(networkOfAddress("::")).toBe("0:0:0:0::/64");
  });

  it("an IPv4-mapped IPv6 address is the IPv4 address", () => {
    for (const form of ["::ffff:203.0.113.7", "::FFFF:203.0.113.7", "0:0:0:0:0:ffff:cb00:7107", "0::ffff:cb00:7107"]) {
      expect(networkOfAddress(form), form).toBe("203.0.113.7");
    }
    // Not mapped: another prefix before ffff, or ffff elsewhere.
    expect(networkOfAddress("::1:ffff:203.0.113.7")).toBe("0:0:0:0::/64");
    expect(networkOfAddress("64:ff9b::203.0.113.7")).toBe("64:ff9b:0:0::/64");
  });

  it("anything else is its own key, unchanged", () => {
    for (const text of [
      "local",
      "",
      "203.0.113.256",
      "203.0.113",
      "1.2.3.4.5",
      "2001:db8::1::2",
      "2001:db8:1:2:3:4:5:6:7",
      "2001:db8:1:2:3:4:5",
      "12345::1",
      "2001:db8:1.2.3.4::1",
      "1:2:3:4:5:6:7:8::",
      "g::1",
    ]) {
      expect(networkOfAddress(text), text).toBe(text);
    }
  });
});
