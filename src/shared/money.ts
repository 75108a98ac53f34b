/**
 * Money: integer paise inside (sums never meet floating-point rounding), a decimal string at the
 * edges ("250.00", as Postgres `numeric` and the API carry it). The one owner of that conversion.
 */
export type Paise = number;

export function toPaise(amount: string): Paise {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a money amount: ${amount}`);
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

export function formatPaise(paise: Paise): string {
  if (!Number.isSafeInteger(paise) || paise < 0) throw new RangeError(`not an amount in paise: ${paise}`);
  return `${Math.floor(paise / 100)}.${String(paise % 100).padStart(2, "0")}`;
}

/** The sum of decimal amounts, exactly. */
export const sumAmounts = (amounts: Iterable<string>): string => {
  let total = 0;
  for (const amount of amounts) total += toPaise(amount);
  return formatPaise(total);
};

/** "₹1,250.00" in the Indian digit grouping (lakhs), from a decimal string. */
export function formatRupees(amount: string, opts: { paise?: "always" | "when-nonzero" } = {}): string {
  const paise = toPaise(amount);
  const rupees = String(Math.floor(paise / 100));
  const last3 = rupees.slice(-3);
  const rest = rupees.slice(0, -3);
  const grouped = rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ",")},${last3}` : last3;
  const fraction = String(paise % 100).padStart(2, "0");
  if (opts.paise === "when-nonzero" && fraction === "00") return `₹${grouped}`;
  return `₹${grouped}.${fraction}`;
}
