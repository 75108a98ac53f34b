// Upstash's `allow-key-locking` script flag, as the local bridge honours it (dev/test only).
// At Upstash a script whose shebang carries the flag locks only the keys passed in KEYS, so every
// key it touches must be in KEYS (a key built inside the script is rejected), and commands that
// need the whole database (FLUSHDB, KEYS, SCAN, ...) are rejected. Real Redis refuses unknown
// shebang flags, so the bridge strips the flag before Redis sees the script, puts a guard in
// front of the body that enforces those two rules, and answers EVALSHA of the script as sent
// (its SHA-1 is what the client computes) with the translated script's digest. (SCRIPT LOAD
// answers the translated digest, which EVALSHA then runs as it is.)
import { createHash } from "node:crypto";

const SHEBANG = /^#!lua([^\n]*)(\n|$)/;
const FLAG = "allow-key-locking";

// Inside the script `redis` is a local that checks each command's keys against KEYS, then calls
// the real one (Redis 7's globals are read-only, so shadowing is the way in).
const GUARD = `local redis = (function(real)
  local declared = {}
  for _, key in ipairs(KEYS) do declared[key] = true end
  local every_arg = {mget = true, del = true, exists = true, unlink = true, touch = true,
    sinter = true, sunion = true, sdiff = true}
  local database_wide = {flushdb = true, flushall = true, keys = true, scan = true, randomkey = true,
    dbsize = true, swapdb = true, move = true, copy = true}
  local function check(command, ...)
    local name = string.lower(tostring(command))
    if database_wide[name] then
      error('ERR ' .. name .. ' needs the whole database: not allowed in a script with allow-key-locking')
    end
    local count = select('#', ...)
    local last = every_arg[name] and count or math.min(count, 1)
    for i = 1, last do
      local key = tostring((select(i, ...)))
      if not declared[key] then
        error("ERR key '" .. key .. "' is not in KEYS: a script with allow-key-locking may touch only its declared keys")
      end
    end
  end
  return setmetatable({
    call = function(command, ...) check(command, ...) return real.call(command, ...) end,
    pcall = function(command, ...) check(command, ...) return real.pcall(command, ...) end,
  }, {__index = real})
end)(redis)
`;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** A script as the client sent it → the script real Redis runs (unchanged without the flag). */
export function translateScript(body: string): string {
  const shebang = SHEBANG.exec(body);
  if (!shebang) return body;
  const flags =
    /flags=([^\s]*)/
      .exec(shebang[1] ?? "")?.[1]
      ?.split(",")
      .filter(Boolean) ?? [];
  if (!flags.includes(FLAG)) return body;
  const others = flags.filter((f) => f !== FLAG);
  const rest = body.slice(shebang[0].length);
  // Redis 7 keeps its own flags (no-writes, ...); a shebang with none left is dropped entirely.
  return `${others.length ? `#!lua flags=${others.join(",")}\n` : ""}${GUARD}${rest}`;
}

/** Rewrites EVAL / EVALSHA / SCRIPT LOAD for Redis, remembering which digest stands for which. */
export class ScriptTranslator {
  /** SHA-1 of the script as sent → SHA-1 of the script Redis knows. */
  private readonly digests = new Map<string, string>();

  command(args: string[]): string[] {
    const name = (args[0] ?? "").toLowerCase();
    if ((name === "eval" || name === "eval_ro") && args[1] !== undefined) {
      return [args[0] as string, this.remember(args[1]), ...args.slice(2)];
    }
    if ((name === "evalsha" || name === "evalsha_ro") && args[1] !== undefined) {
      return [args[0] as string, this.digests.get(args[1].toLowerCase()) ?? args[1], ...args.slice(2)];
    }
    if (name === "script" && (args[1] ?? "").toLowerCase() === "load" && args[2] !== undefined) {
      this.remember(args[2]);
      return [args[0] as string, args[1] as string, translateScript(args[2])];
    }
    return args;
  }

  /** The script Redis should run for `body`; its digest is mapped from the one the client knows. */
  private remember(body: string): string {
    const translated = translateScript(body);
    if (translated !== body) this.digests.set(sha1(body), sha1(translated));
    return translated;
  }
}
