import { seatList } from "./notices";

/**
 * What went wrong with the visitor's own selection, said next to it (the selection bar), never at
 * the top of a page they have scrolled away from: a seat taken from under them (with the nearest
 * seats like it), the orphan rule, no block of that many, a hold that ran out.
 */
export type SelectionProblem =
  | { kind: "taken"; seats: string[]; alternative: string[] | null }
  | { kind: "stranded"; seat: string }
  | { kind: "no-best"; quantity: number; largestBlock: number | null }
  | { kind: "expired"; seats: string[] };

export interface ProblemWords {
  tone: "error" | "warning";
  title: string;
  text: string;
  /** The seats a button offers instead ("Take G6 and G7"). */
  offer: string[] | null;
  offerLabel?: string;
}

/** `free`: whether these seats are free on the map now (for the expired hold's offer). */
export function problemWords(problem: SelectionProblem, free: (seats: readonly string[]) => boolean): ProblemWords {
  switch (problem.kind) {
    case "taken": {
      const many = problem.seats.length > 1;
      const alt = problem.alternative;
      return {
        tone: "error",
        title: `${seatList(problem.seats)} ${many ? "were" : "was"} just taken`,
        text: alt
          ? `Someone else got ${many ? "them" : "it"} first. The nearest seats like ${many ? "them" : "it"}: ${seatList(alt)}.`
          : `Someone else got ${many ? "them" : "it"} first. Pick ${many ? "other seats" : "another seat"} on the map.`,
        offer: alt,
        offerLabel: alt ? `Take ${seatList(alt)}` : undefined,
      };
    }
    case "stranded":
      return {
        tone: "warning",
        title: `That would leave ${problem.seat} on its own`,
        text: `This show doesn't leave a single empty seat between taken ones: nobody could sit there with company, so it would stay empty. Move your seats one along, or take ${problem.seat} too.`,
        offer: null,
      };
    case "no-best":
      return {
        tone: "warning",
        title: `${problem.quantity} seats together aren't free`,
        text:
          problem.largestBlock && problem.largestBlock > 0
            ? `At most ${problem.largestBlock} are side by side now. Choose fewer, or pick your seats one by one on the map.`
            : "Pick your seats one by one on the map.",
        offer: null,
      };
    case "expired": {
      const stillFree = problem.seats.length > 0 && free(problem.seats);
      return {
        tone: "warning",
        title: "Your seats were released because time ran out",
        text: stillFree
          ? `${seatList(problem.seats)} ${problem.seats.length > 1 ? "are" : "is"} still free: hold ${problem.seats.length > 1 ? "them" : "it"} again, or pick others.`
          : "Seats are only held for a few minutes. Pick your seats again to continue.",
        offer: stillFree ? problem.seats : null,
        offerLabel: stillFree ? `Hold ${seatList(problem.seats)} again` : undefined,
      };
    }
  }
}
