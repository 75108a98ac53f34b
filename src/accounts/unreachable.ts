/** Compile-time check that a switch over outcomes is exhaustive (as in src/orders/routes.ts). */
export const unreachable = (outcome: never): never => {
  throw new Error(`unhandled outcome ${JSON.stringify(outcome)}`);
};
