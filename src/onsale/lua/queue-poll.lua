-- Join an on-sale event's waiting room, or ask where one stands (docs/API.md: Waiting room): the
-- same call, one round trip, atomic. Admits whoever is due first, so any visitor's poll moves the
-- line; nobody needs a timer.
-- KEYS (src/onsale/redis-keys.ts): [1] config (hash), [2] line (zset), [3] counters (hash),
-- [4] admitted shoppers (zset by end of admission), [5] admissions ended early (hold scripts read it).
-- ARGV[1] visitor (user id), ARGV[2] now (ms), ARGV[3] a random draw in [0, 1) (the place, if
-- this is a pre-queue arrival), ARGV[4] most admissions this call may make, ARGV[5] how long the
-- queue keys live (ms).
local cfg = redis.call('HMGET', KEYS[1], 'opensAtMs', 'perSecond', 'maxActive', 'windowMs')
if not cfg[1] then
  return {'EVENT_UNKNOWN'}
end
local now = tonumber(ARGV[2])
local opens, rate, cap, window = tonumber(cfg[1]), tonumber(cfg[2]), tonumber(cfg[3]), tonumber(cfg[4])
local visitor = ARGV[1]

-- Shoppers whose admission has ended make room for the next.
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
local until_ms = redis.call('ZSCORE', KEYS[4], visitor)
if until_ms then
  return {'ADMITTED', until_ms}
end

if not redis.call('ZSCORE', KEYS[2], visitor) then
  local place = ARGV[3]
  if now >= opens then
    place = tostring(1 + redis.call('HINCRBY', KEYS[3], 'arrivals', 1))
  end
  redis.call('ZADD', KEYS[2], place, visitor)
  for i = 2, 5 do
    keep_at_least(KEYS[i], tonumber(ARGV[5]))
  end
end
if now < opens then
  return {'PRE_QUEUE', tostring(redis.call('ZCARD', KEYS[2])), cfg[1]}
end

-- Admission credit: a bucket filling at `rate` a second from opening, holding at most one
-- second's worth (at least one admission), so time when nobody waited (or nobody polled) banks no
-- burst: the first at once, then `rate` a second; never more than `cap` shoppers at once.
local credit_state = redis.call('HMGET', KEYS[3], 'credit', 'creditAt')
local credit, credit_at = tonumber(credit_state[1]) or 1, tonumber(credit_state[2]) or opens
local full = math.max(1, rate)
local accrued = credit
if now > credit_at then
  accrued = math.min(full, credit + (now - credit_at) * rate / 1000)
end
local room = math.min(math.floor(accrued), cap - redis.call('ZCARD', KEYS[4]), tonumber(ARGV[4]))
local admitted = 0
if room > 0 then
  local popped = redis.call('ZPOPMIN', KEYS[2], room)
  for i = 1, #popped, 2 do
    redis.call('ZADD', KEYS[4], now + window, popped[i])
  end
  admitted = #popped / 2
  redis.call('HINCRBY', KEYS[3], 'admitted', admitted)
end
if admitted > 0 or accrued ~= credit then
  redis.call('HSET', KEYS[3], 'credit', string.format('%.17g', accrued - admitted),
    'creditAt', string.format('%d', math.max(now, credit_at)))
end
until_ms = redis.call('ZSCORE', KEYS[4], visitor)
if until_ms then
  return {'ADMITTED', until_ms}
end
local rank = redis.call('ZRANK', KEYS[2], visitor)
return {'QUEUED', tostring(rank + 1), cfg[2], cfg[3], cfg[4], tostring(redis.call('ZCARD', KEYS[4]))}
