/**
 * Seat ids ("A1", "F12", "AA3": row label then seat number) and their one human order: row A…Z,
 * then AA…, then by seat number — "A2" before "A10". Hall layouts list rows in this order too.
 */
export const SEAT_ID = /^([A-Z]{1,2})([1-9][0-9]?)$/;

export function parseSeatId(seatId: string): { row: string; number: number } | undefined {
  const match = SEAT_ID.exec(seatId);
  return match ? { row: match[1] as string, number: Number(match[2]) } : undefined;
}

export function compareSeatIds(a: string, b: string): number {
  const pa = parseSeatId(a);
  const pb = parseSeatId(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return pa.row.length - pb.row.length || (pa.row < pb.row ? -1 : pa.row > pb.row ? 1 : 0) || pa.number - pb.number;
}

export const sortSeatIds = (seatIds: Iterable<string>): string[] => [...seatIds].sort(compareSeatIds);
