/**
 * Type-checking only. The web app imports the worker's `ApiType` (type-only) for the typed API
 * client, so tsc also checks the worker's source against this project's DOM lib. The DOM's
 * `CacheStorage` wins over the Workers one from ../worker-configuration.d.ts, so restore the
 * Workers-only member the worker uses. Nothing here exists in the browser bundle.
 */
interface CacheStorage {
  readonly default: Cache;
}
