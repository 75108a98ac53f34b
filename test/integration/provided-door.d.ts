// The door tests' provided values (test/global-setup.ts) as the workerd tests see them:
// global-setup.ts itself is outside this tsconfig.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** A ticket key the worker knows but whose notAfter has passed, with its private half (JWK). */
    expiredTicketKey: string;
  }
}
