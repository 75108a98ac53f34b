// oidc-provider's own in-memory store (the package is pinned exactly, so this internal path is stable
// for us); passing it explicitly keeps one store per provider instance.
declare module "oidc-provider/lib/adapters/memory_adapter.js" {
  import type { AdapterFactory } from "oidc-provider";
  export function createMemoryAdapter(clockTolerance?: number): AdapterFactory;
}
