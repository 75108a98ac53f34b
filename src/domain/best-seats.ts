import type { SeatLayout } from "./seat-layout";

/**
 * Best available and the orphan rule, as pure rules. The hold scripts (src/seats/lua/hall.lua)
 * run the very same rules against Redis' live state, so choosing and holding are one atomic step;
 * this module is their reference (tests compare the two) and what the web can explain with.
 *
 * A row is its grid positions: a seat id, or null for an aisle or gap. Two seats are adjacent
 * when their positions are next to each other; an aisle, a gap or the row's end bounds a seat.
 */
export interface HallRow {
  /** The row's place in the layout, front (nearest the screen) first. */
  ordinal: number;
  label: string;
  category: string;
  seats: (string | null)[];
}

/** A stranded seat: free, with no free neighbour, left so by a selection (it had one before). */
export type Strand = string;

/** How much a row away from the best point weighs against a seat away from the row's centre. */
export const ROW_WEIGHT = 2;
/** The best point is this far back from the screen, among the rows considered (0 front, 1 back). */
export const BEST_ROW_DEPTH = 2 / 3;

export function hallRows(layout: SeatLayout): HallRow[] {
  return layout.rows.map((row, ordinal) => ({
    ordinal,
    label: row.label,
    category: row.category,
    seats: row.columns.map((n) => (n === null ? null : `${row.label}${n}`)),
  }));
}

/** The rows a selection has seats in (what the orphan rule looks at). */
export function rowsOfSeats(layout: SeatLayout, seatIds: string[]): HallRow[] {
  const wanted = new Set(seatIds);
  return hallRows(layout).filter((row) => row.seats.some((seat) => seat !== null && wanted.has(seat)));
}

/**
 * The rows best available chooses from (one category, or the whole hall) and the ordinal of the
 * row holding the best point: about two thirds back from the screen, where sight lines and sound
 * are best. Its centre is the best seat of that row.
 */
export function bestRowsOf(layout: SeatLayout, category?: string): { rows: HallRow[]; bestOrdinal: number } {
  const rows = hallRows(layout).filter((row) => category === undefined || row.category === category);
  const best = rows[Math.round((rows.length - 1) * BEST_ROW_DEPTH)];
  return { rows, bestOrdinal: best?.ordinal ?? 0 };
}

/** Distance of a block (positions `start`..`start+n-1`) from the best point, in integers (×2 units). */
export function blockScore(row: HallRow, bestOrdinal: number, start: number, n: number): number {
  const dx = 2 * start + n - 1 - (row.seats.length - 1);
  const dy = 2 * ROW_WEIGHT * (row.ordinal - bestOrdinal);
  return dx * dx + dy * dy;
}

/** Which positions of the row are free seats, given the seats that are taken (sold, held, kept). */
export const freePositions = (row: HallRow, taken: ReadonlySet<string>): boolean[] =>
  row.seats.map((seat) => seat !== null && !taken.has(seat));

/** The seats a selection (`chosen` positions, all free) strands in a row: alone after, not before. */
export function strandedBy(row: HallRow, free: boolean[], chosen: ReadonlySet<number>): Strand[] {
  const after = free.map((f, p) => f && !chosen.has(p));
  const alone = (state: boolean[], p: number) => state[p] === true && !state[p - 1] && !state[p + 1];
  return row.seats.flatMap((seat, p) => (seat !== null && alone(after, p) && !alone(free, p) ? [seat] : []));
}

/** Seats a block strands: only the seat just outside either end can be left alone. */
function blockStrands(free: boolean[], start: number, n: number): number {
  const left = free[start - 1] === true && !free[start - 2];
  const right = free[start + n] === true && !free[start + n + 1];
  return Number(left) + Number(right);
}

interface Block {
  row: HallRow;
  start: number;
  n: number;
  score: number;
  strands: number;
}

/** The best block of `n` seats in the row for each number of seats it strands (0, 1, 2). */
function bestBlocks(row: HallRow, free: boolean[], bestOrdinal: number, n: number): (Block | undefined)[] {
  const best: (Block | undefined)[] = [undefined, undefined, undefined];
  for (let start = 0; start + n <= row.seats.length; start++) {
    if (!free.slice(start, start + n).every(Boolean)) continue;
    const strands = blockStrands(free, start, n);
    const score = blockScore(row, bestOrdinal, start, n);
    const current = best[strands];
    if (!current || score < current.score) best[strands] = { row, start, n, score, strands };
  }
  return best;
}

export type BestPick =
  | { outcome: "PICKED"; seatIds: string[]; split: boolean; strands: number }
  /** Nothing fits: the longest run of adjacent free seats, and how many seats are free at all. */
  | { outcome: "NO_BEST_SEATS"; largestBlock: number; available: number };

const seatsOf = (block: Block) => block.row.seats.slice(block.start, block.start + block.n) as string[];

/**
 * Best available: `n` adjacent seats closest to the best point. In order: one row, stranding no
 * seat; one row, stranding one; only with `allowSplit`, two adjacent rows (fewest stranded, then
 * closest). Ties go to the front-most row, then the left-most seat, so the script and this agree.
 */
export function pickBestSeats(
  rows: HallRow[],
  bestOrdinal: number,
  taken: ReadonlySet<string>,
  request: { quantity: number; allowSplit?: boolean },
): BestPick {
  const n = request.quantity;
  const free = rows.map((row) => freePositions(row, taken));
  const single: (Block | undefined)[] = [undefined, undefined];
  rows.forEach((row, i) => {
    const blocks = bestBlocks(row, free[i] ?? [], bestOrdinal, n);
    for (const k of [0, 1]) {
      const block = blocks[k];
      const current = single[k];
      if (block && (!current || block.score < current.score)) single[k] = block;
    }
  });
  const one = single[0] ?? single[1];
  if (one) return { outcome: "PICKED", seatIds: seatsOf(one), split: false, strands: one.strands };
  if (request.allowSplit) {
    let best: { a: Block; b: Block; strands: number; score: number } | undefined;
    for (let i = 0; i + 1 < rows.length; i++) {
      const [upper, lower] = [rows[i], rows[i + 1]] as [HallRow, HallRow];
      if (lower.ordinal !== upper.ordinal + 1) continue;
      for (let a = 1; a < n; a++) {
        const first = bestBlocks(upper, free[i] ?? [], bestOrdinal, a);
        const second = bestBlocks(lower, free[i + 1] ?? [], bestOrdinal, n - a);
        for (const x of first) {
          for (const y of second) {
            if (!x || !y) continue;
            const strands = x.strands + y.strands;
            const score = x.score + y.score;
            if (!best || strands < best.strands || (strands === best.strands && score < best.score))
              best = { a: x, b: y, strands, score };
          }
        }
      }
    }
    if (best)
      return {
        outcome: "PICKED",
        seatIds: [...seatsOf(best.a), ...seatsOf(best.b)],
        split: true,
        strands: best.strands,
      };
  }
  return { outcome: "NO_BEST_SEATS", ...whatIsPossible(free) };
}

function whatIsPossible(free: boolean[][]): { largestBlock: number; available: number } {
  let largestBlock = 0;
  let available = 0;
  for (const row of free) {
    let run = 0;
    for (const f of row) {
      run = f ? run + 1 : 0;
      if (f) available++;
      largestBlock = Math.max(largestBlock, run);
    }
  }
  return { largestBlock, available };
}

/**
 * Whether some `k` free seats of the row strand no seat. A run of L free seats can give 0..L-2
 * seats (taken from one end, at least two stay together) or all L; the row can give k if the
 * runs' shares add up to k.
 */
export function canAvoidStranding(free: boolean[], k: number): boolean {
  let reach = new Set([0]);
  const runs: number[] = [];
  let run = 0;
  for (const f of [...free, false]) {
    if (f) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  }
  for (const length of runs) {
    const shares = new Set([0, length, ...Array.from({ length: Math.max(0, length - 1) }, (_, j) => j)]);
    const next = new Set<number>();
    for (const s of reach) for (const j of shares) if (s + j <= k) next.add(s + j);
    reach = next;
  }
  return reach.has(k);
}

/**
 * The orphan rule on a manual pick (a per-show setting): the first seat the selection would
 * strand, in a row where another selection of as many seats would strand none; else undefined.
 */
export function orphanRuleRefusal(rows: HallRow[], taken: ReadonlySet<string>, seatIds: string[]): Strand | undefined {
  const wanted = new Set(seatIds);
  for (const row of rows) {
    const chosen = new Set(row.seats.flatMap((seat, p) => (seat !== null && wanted.has(seat) ? [p] : [])));
    if (chosen.size === 0) continue;
    const free = freePositions(row, taken);
    const [stranded] = strandedBy(row, free, chosen);
    if (stranded && canAvoidStranding(free, chosen.size)) return stranded;
  }
  return undefined;
}
