-- Guest tokens cost more in bulk (issue 15): per client address and hour, the first ARGV[2] are
-- free; after those each next one waits twice as long since the previous (1 s, 2 s, 4 s … at most
-- 64 s), and none past ARGV[3]. One round trip, atomic.
-- KEYS[1] the address's issuance (hash: count, last), KEYS[2] the refusal counts.
-- ARGV[1] now (ms), ARGV[2] free per hour, ARGV[3] most per hour.
local now, free, most = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
local wait_ms = 0
if count >= most then
  wait_ms = redis.call('PTTL', KEYS[1])
elseif count >= free then
  wait_ms = last + math.min(2 ^ (count - free), 64) * 1000 - now
end
if wait_ms > 0 then
  redis.call('HINCRBY', KEYS[2], 'GUEST_TOKENS', 1)
  return {'WAIT', tostring(math.ceil(wait_ms / 1000))}
end
redis.call('HSET', KEYS[1], 'count', count + 1, 'last', now)
if count == 0 then
  redis.call('PEXPIRE', KEYS[1], 3600000)
end
return {'ISSUED'}
