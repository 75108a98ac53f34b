/**
 * How the hold storm (and the Lua ceiling, identically) chooses seats: a random seat it believes
 * free, then 2–4 seats side by side in that row (fewer only where no more are free). It learns
 * from answers: held seats and the seats a SEAT_TAKEN names are no longer free. Concurrent users
 * choose from the same belief, so they collide on seats the way a busy show's users do.
 */
import type { SeatLayout } from "../src/domain/seat-layout.ts";

export class SeatPicker {
  /** Seat ids believed free, kept in an array for O(1) random choice and removal. */
  private readonly free: string[] = [];
  private readonly position = new Map<string, number>();
  /** For each seat: its row's seats (null = aisle) and its place in that row. */
  private readonly rowOf = new Map<string, { row: (string | null)[]; at: number }>();

  constructor(
    layout: SeatLayout,
    private readonly random: () => number = Math.random,
  ) {
    for (const r of layout.rows) {
      const row = r.columns.map((n) => (n === null ? null : `${r.label}${n}`));
      row.forEach((seat, at) => {
        if (!seat) return;
        this.rowOf.set(seat, { row, at });
        this.position.set(seat, this.free.length);
        this.free.push(seat);
      });
    }
  }

  get freeCount(): number {
    return this.free.length;
  }

  /** 2–4 adjacent seats believed free, or undefined when none is left. */
  pick(): string[] | undefined {
    if (this.free.length === 0) return undefined;
    const first = this.free[Math.floor(this.random() * this.free.length)] as string;
    const want = 2 + Math.floor(this.random() * 3);
    const { row, at } = this.rowOf.get(first) as { row: (string | null)[]; at: number };
    const seats = [first];
    const isFree = (i: number) => {
      const seat = row[i];
      return seat && this.position.has(seat) ? seat : undefined;
    };
    for (let right = at + 1, left = at - 1; seats.length < want; ) {
      const next = isFree(right);
      if (next) {
        seats.push(next);
        right += 1;
        continue;
      }
      const prev = isFree(left);
      if (!prev) break;
      seats.unshift(prev);
      left -= 1;
    }
    return seats;
  }

  /** These seats are free again (their hold was released). */
  freed(seats: Iterable<string>): void {
    for (const seat of seats) {
      if (this.position.has(seat) || !this.rowOf.has(seat)) continue;
      this.position.set(seat, this.free.length);
      this.free.push(seat);
    }
  }

  /** These seats are somebody's now. */
  taken(seats: Iterable<string>): void {
    for (const seat of seats) {
      const i = this.position.get(seat);
      if (i === undefined) continue;
      const last = this.free.pop() as string;
      if (last !== seat) {
        this.free[i] = last;
        this.position.set(last, i);
      }
      this.position.delete(seat);
    }
  }
}
