import type { Config } from "./env";
import type { BackendTimings } from "./http/server-timing";

/** Hono's typing of this app: the worker's bindings and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    timings: BackendTimings;
  };
}
