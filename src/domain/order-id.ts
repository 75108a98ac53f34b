/**
 * The order a hold becomes has an id derived from the hold id (SHA-256, as a version-8 UUID), so
 * the Redis claim and the Postgres insert — which run at the same time — name the same order
 * without waiting for each other, and every retry names it too. A hold has at most one order
 * (`orders.hold_id` is unique), so the id is unique; it reveals nothing of the hold id.
 */
export async function orderIdOfHold(holdId: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`housefull:order:${holdId}`)),
  );
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80; // version 8 (custom)
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
