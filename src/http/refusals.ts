import { ApiError, type ErrorCode } from "./errors";

/** What a refused outcome answers: the error code (its status comes from the registry), message, details. */
export type Answer = readonly [code: ErrorCode, message: string, details?: Record<string, unknown>];

/** A use case's outcomes without the ones its route answers with a body of its own. */
export type Refused<Outcome extends { outcome: string }, Success extends Outcome["outcome"]> = Exclude<
  Outcome,
  { outcome: Success }
>;

/**
 * One answer per refused outcome, fixed or computed from the outcome. The table is keyed by every
 * outcome of the union, so a use case that gains an outcome fails the type check until it is answered.
 */
export type RefusalTable<R extends { outcome: string }> = {
  readonly [K in R["outcome"]]: Answer | ((refused: Extract<R, { outcome: K }>) => Answer);
};

/** A route's refusals as one function: the refused outcome in, the ApiError to throw out. */
export function refusals<R extends { outcome: string }>(table: RefusalTable<R>): (refused: R) => ApiError {
  return (refused) => {
    const entry = table[refused.outcome as R["outcome"]] as Answer | ((refused: R) => Answer);
    const [code, message, details] = typeof entry === "function" ? entry(refused) : entry;
    return new ApiError(code, message, details);
  };
}

/** Compile-time check that a switch over outcomes is exhaustive. */
export const unreachable = (outcome: never): never => {
  throw new Error(`unhandled outcome ${JSON.stringify(outcome)}`);
};
