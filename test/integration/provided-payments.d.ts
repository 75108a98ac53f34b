// The payment sandbox's provided values (test/global-setup.ts) as the workerd tests see them:
// global-setup.ts itself is outside this tsconfig.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    paymentSandboxUrl: string;
    paymentSandboxApiKey: string;
    paymentSandboxWebhookSecret: string;
  }
}
