/**
 * The network a client address is budgeted as (issue 15: no seat spinning). An ISP gives one
 * customer a whole IPv6 /64, so a budget per IPv6 address is a fresh budget per request: an IPv6
 * address counts as its /64, written one way whatever the notation (`2001:db8:0:1::/64`); an
 * IPv4 address as itself, also when written IPv4-mapped (`::ffff:203.0.113.7`). Anything that is
 * not an IP address (e.g. "local" without Cloudflare in front) is its own key, unchanged.
 */
export function networkOfAddress(address: string): string {
  const trimmed = address.trim();
  const v4 = ipv4Octets(trimmed);
  if (v4) return v4.join(".");
  const groups = ipv6Groups(trimmed);
  if (!groups) return address;
  // ::ffff:a.b.c.d, the IPv4 address as a dual-stack socket reports it.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The four octets of a dotted-quad IPv4 address, or undefined. */
function ipv4Octets(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** The eight 16-bit groups of an IPv6 address (any notation, a dotted IPv4 tail, a zone id), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  const bare = text.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (!bare.includes(":")) return undefined;
  const halves = bare.split("::");
  if (halves.length > 2) return undefined;
  // A dotted IPv4 tail may end the address only.
  const parse = (half: string | undefined, ends: boolean): number[] | undefined => {
    if (!half) return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (const [i, part] of parts.entries()) {
      const v4 = ends && i === parts.length - 1 ? ipv4Octets(part) : undefined;
      if (v4) out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      else if (/^[0-9a-f]{1,4}$/i.test(part)) out.push(Number.parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = parse(halves[0], halves.length === 1);
  const tail = parse(halves[1], true);
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const gap = 8 - head.length - tail.length;
  // `::` stands for at least one group of zeros.
  return gap >= 1 ? [...head, ...new Array<number>(gap).fill(0), ...tail] : undefined;
}
