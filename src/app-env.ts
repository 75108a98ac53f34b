import type { Config } from "./env";
import type { RequestLogNote } from "./http/request-log";
import type { BackendTimings } from "./http/server-timing";

/** Hono's typing of this app: the worker's bindings and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    timings: BackendTimings;
    /** What the request's one log line adds: a failure (error handler) or a refusal (the webhook). */
    logNote?: RequestLogNote;
    /** The route that answered, as its group matched it (groups load on first use: src/app.ts). */
    routePath?: string;
  };
}
