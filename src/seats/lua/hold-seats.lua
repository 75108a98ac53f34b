-- Hold seats: all of them, or none (SPEC flow 1). One round trip, atomic.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show (zset by expiry),
-- KEYS[3] the show's booked seats (set), KEYS[4..] one lock per seat, in ARGV seat order.
-- ARGV[1] lock owner "userId:holdId", ARGV[2] holdId, ARGV[3] now (ms), ARGV[4] lock TTL (ms),
-- ARGV[5] hold record TTL (ms), ARGV[6] hold record JSON, ARGV[7] max active holds per user,
-- ARGV[8] hold expiry (ms), ARGV[9..] seat ids.
-- The clock comes from ARGV so the script is deterministic (replicas and Upstash replay it).
local existing = redis.call('GET', KEYS[1])
if existing then
  return {'EXISTS', existing}
end

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
local active = redis.call('ZCARD', KEYS[2])
if active >= tonumber(ARGV[7]) then
  return {'HOLD_LIMIT', tostring(active)}
end

local taken = {}
for i = 4, #KEYS do
  local seat = ARGV[i + 5]
  if redis.call('SISMEMBER', KEYS[3], seat) == 1 then
    taken[#taken + 1] = seat
  else
    local owner = redis.call('GET', KEYS[i])
    if owner and owner ~= ARGV[1] then
      taken[#taken + 1] = seat
    end
  end
end
if #taken > 0 then
  table.insert(taken, 1, 'SEAT_TAKEN')
  return taken
end

for i = 4, #KEYS do
  redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[4])
end
redis.call('SET', KEYS[1], ARGV[6], 'PX', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[8], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[4], 'GT')
if redis.call('PTTL', KEYS[2]) < 0 then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
end
return {'OK'}
