-- A guest signed in (POST /auth/claim-guest): their place in the event's waiting room, or their
-- admission, becomes the account's — the same place or the same end of admission, never a better
-- one than either had. One person, one admission: the guest's admission ends (prelude:
-- end_admission), so a guest token replayed beside the account's admits no new hold. Atomic, one
-- round trip; a second call finds nothing left to move.
-- KEYS as queue-poll.lua. ARGV[1] guest user id, ARGV[2] account user id, ARGV[3] now (ms),
-- ARGV[4] the admission window (ms), used when Redis has lost the event's configuration.
local guest, account, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
local until_ms = redis.call('ZSCORE', KEYS[4], guest)
if until_ms then
  end_admission(KEYS[4], KEYS[5], guest, now, redis.call('HGET', KEYS[1], 'windowMs') or ARGV[4])
  redis.call('ZADD', KEYS[4], 'GT', until_ms, account)
  redis.call('ZREM', KEYS[2], account)
  return {'MOVED'}
end
local place = redis.call('ZSCORE', KEYS[2], guest)
if not place then
  return {'NOT_IN_LINE'}
end
redis.call('ZREM', KEYS[2], guest)
if not redis.call('ZSCORE', KEYS[4], account) then
  redis.call('ZADD', KEYS[2], 'LT', place, account)
end
return {'MOVED'}
