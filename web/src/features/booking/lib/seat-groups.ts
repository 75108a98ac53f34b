/**
 * Groups of seats side by side, over the placed hall's shape only (seat-model's placeSeats gives
 * one): no API types here, so the rules are checked in plain unit tests.
 */
export interface GroupSeat {
  seat: { seatId: string; state: "AVAILABLE" | "HELD" | "BOOKED"; mine: boolean };
  row: { category: string; seats: readonly ({ seatId: string } | null)[] };
  rowIndex: number;
  x: number;
}
export interface GroupHall<P extends GroupSeat = GroupSeat> {
  byId: Map<string, P>;
  rows: P[][];
}
type Placed = GroupHall;
type PlacedSeat = GroupSeat;
/** Whether this user may take the seat now (free, theirs, and not in an order awaiting payment). */
export type CanTake = (p: PlacedSeat) => boolean;

/** A seat this user may take now: free, or already theirs (held by them). */
const isOpenTo = (seat: GroupSeat["seat"]) => seat.state === "AVAILABLE" || (seat.state === "HELD" && seat.mine);

export const canTakeSeat =
  (selected: ReadonlySet<string>, lockedMine: ReadonlySet<string>): CanTake =>
  (p) =>
    !lockedMine.has(p.seat.seatId) && (selected.has(p.seat.seatId) || isOpenTo(p.seat));

/** The runs of `quantity` seats side by side in a row (a gap breaks a run), as seat ids. */
function windowsOf(row: GroupSeat["row"], quantity: number, placed: Placed, canTake: CanTake): string[][] {
  const windows: string[][] = [];
  for (let start = 0; start + quantity <= row.seats.length; start++) {
    const run = row.seats.slice(start, start + quantity);
    const ids: string[] = [];
    for (const seat of run) {
      const p = seat ? placed.byId.get(seat.seatId) : undefined;
      if (!p || !canTake(p)) break;
      ids.push(p.seat.seatId);
    }
    if (ids.length === quantity) windows.push(ids);
  }
  return windows;
}

/**
 * The group of `quantity` seats a tap on `p` moves the selection to: side by side in p's row,
 * starting at p (as BookMyShow does), else slid left one seat at a time while it still includes p;
 * null when no such run keeps the group together.
 */
export function groupAt(placed: Placed, p: PlacedSeat, quantity: number, canTake: CanTake): string[] | null {
  const windows = windowsOf(p.row, quantity, placed, canTake).filter((w) => w.includes(p.seat.seatId));
  // The window starting at p has p first; sliding left puts p further right.
  windows.sort((a, b) => a.indexOf(p.seat.seatId) - b.indexOf(p.seat.seatId));
  return windows[0] ?? null;
}

/**
 * The nearest `quantity` seats side by side of the category of `around`'s first seat (the seat just
 * lost), nearest the centre of `around` (the group it was in), a row away counting as two and a
 * half seats along (so a tie stays in the row). Null when none.
 */
export function nearestGroup(
  placed: Placed,
  around: readonly PlacedSeat[],
  quantity: number,
  canTake: CanTake,
): string[] | null {
  const first = around[0];
  if (!first || quantity < 1) return null;
  const category = first.row.category;
  const centreX = around.reduce((sum, p) => sum + p.x, 0) / around.length;
  const centreRow = around.reduce((sum, p) => sum + p.rowIndex, 0) / around.length;
  let best: { ids: string[]; score: number } | null = null;
  for (const rowSeats of placed.rows) {
    const row = rowSeats[0]?.row;
    if (!row || row.category !== category) continue;
    for (const ids of windowsOf(row, quantity, placed, canTake)) {
      const seats = ids.map((id) => placed.byId.get(id) as PlacedSeat);
      const x = seats.reduce((sum, p) => sum + p.x, 0) / seats.length;
      const score = Math.abs(x - centreX) + 2.5 * Math.abs((seats[0]?.rowIndex ?? 0) - centreRow);
      if (!best || score < best.score) best = { ids, score };
    }
  }
  return best?.ids ?? null;
}
