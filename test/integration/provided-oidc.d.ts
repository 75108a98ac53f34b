// What test/global-setup.ts provides about the local OpenID provider, for this TypeScript project
// (the setup's own ProvidedContext block lives in the Node project).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    oidcIssuer: string;
    oidcClientId: string;
    oidcClientSecret: string;
    oidcRedirectUri: string;
    controlledIssuer: string;
  }
}
