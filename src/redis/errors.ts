/**
 * Redis errors that mean our command or script is wrong (a bug: 500), as opposed to Redis being
 * unreachable, overloaded or failing over (503: the client may retry).
 */
const COMMAND_BUG = /^(ERR (user_script|Error running script|wrong number|unknown command|syntax)|WRONGTYPE|NOSCRIPT)/i;

/** True when a Redis error means the service could not be reached or could not serve the call. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "TimeoutError" || error.name === "AbortError" || error.name === "RedisTransportError") return true;
  if (error instanceof TypeError) return true;
  return error.name === "UpstashError" && !COMMAND_BUG.test(error.message);
}
