-- Hold seats: all of them, or none (docs/API.md: Flows, hold). One round trip, atomic.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show (zset by expiry),
-- KEYS[3] the show's booked seats (set), KEYS[4] the show's state epoch, KEYS[5..] one lock per
-- seat, in ARGV seat order.
-- ARGV[1] userId, ARGV[2] holdId, ARGV[3] now (ms), ARGV[4] lock TTL (ms), ARGV[5] hold record
-- TTL (ms), ARGV[6] hold record JSON, ARGV[7] max active holds per user, ARGV[8] hold expiry (ms),
-- ARGV[9..] seat ids.
-- The clock comes from ARGV so the script is deterministic (replicas and Upstash replay it).
local _, existing = read_hold(KEYS[1])
if existing then
  -- The same hold id again (an Idempotency-Key retry), whatever became of it, even a tombstone.
  return {'HOLD_EXISTS', existing}
end
if not show_state_present(KEYS[4]) then
  return {'SHOW_STATE_MISSING'}
end

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
local active = redis.call('ZCARD', KEYS[2])
if active >= tonumber(ARGV[7]) then
  return {'HOLD_LIMIT', tostring(active)}
end

local owner = lock_owner(ARGV[1], ARGV[2])
local taken = {}
for i = 5, #KEYS do
  local seat = ARGV[i + 4]
  if taken_by_other(KEYS[3], seat, KEYS[i], owner) then
    taken[#taken + 1] = seat
  end
end
if #taken > 0 then return seat_taken_reply(taken) end

for i = 5, #KEYS do
  redis.call('SET', KEYS[i], owner, 'PX', ARGV[4])
end
redis.call('SET', KEYS[1], ARGV[6], 'PX', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[8], ARGV[2])
keep_at_least(KEYS[2], ARGV[4])
return {'HELD'}
