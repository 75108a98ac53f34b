// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Context = Record<string, unknown>;

    interface Request {
      method?: "GET" | "POST" | "PUT" | "DELETE";
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      /** Called right before the request is written; a falsy return restarts the request list. */
      setupRequest?: (request: Request, context: Context) => Request | undefined;
      onResponse?: (status: number, body: string, context: Context, headers: Record<string, string | string[]>) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Requests in all; overrides duration. */
      amount?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Milliseconds between samples (and between checks for the end of the run). */
      sampleInt?: number;
      headers?: Record<string, string>;
      requests?: Request[];
    }

    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      resets: number;
      statusCodeStats: Record<string, { count: number }>;
    }

    interface Instance extends EventEmitter {
      stop(): void;
      on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): this;
      on(event: string, listener: (...args: unknown[]) => void): this;
    }
  }

  function autocannon(
    options: autocannon.Options,
    callback: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance;

  export = autocannon;
}
