import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { networkOfAddress } from "../domain/client-network";
import { ApiError } from "./errors";
import { documented, errorResponses } from "./openapi-doc";

type Limiter = "HOLDS_RATE_LIMITER" | "GUEST_RATE_LIMITER" | "SEATMAP_RATE_LIMITER";

/**
 * A request budget from a Workers Rate Limiting binding: counted at the edge location, so it
 * costs no Redis round trip. Over budget → 429 with Retry-After (the window is 60 s).
 */
export function rateLimit<E extends AppEnv>(
  limiter: Limiter,
  keyOf: (c: Parameters<MiddlewareHandler<E>>[0]) => string,
): MiddlewareHandler<E> {
  const middleware: MiddlewareHandler<E> = async (c, next) => {
    const { success } = await c.env[limiter].limit({ key: keyOf(c) });
    if (!success) {
      const retryAfter = 60 - (Math.floor(Date.now() / 1000) % 60);
      throw new ApiError(
        "RATE_LIMITED",
        "Too many requests; please slow down",
        { retryAfterSeconds: retryAfter },
        {
          "Retry-After": String(retryAfter),
        },
      );
    }
    await next();
  };
  return documented(middleware, errorResponses("RATE_LIMITED"));
}

/** What `clientAddress` says without Cloudflare in front (local development and tests). */
export const LOCAL_ADDRESS = "local";

/**
 * The client's network as Cloudflare reports its address (absent in local tests): the one key of
 * every budget and rate limit per client address, so an IPv6 client counts as its whole /64
 * (domain/client-network.ts) and cannot get a fresh budget per address inside it.
 */
export const clientAddress = (c: { req: { header(name: string): string | undefined } }) =>
  networkOfAddress(c.req.header("cf-connecting-ip") ?? LOCAL_ADDRESS);
