-- Puts the event's ended admissions back from Postgres, the source of truth (the cron, and a hold
-- that found them lost: src/onsale/use-cases/restore-ended-admissions.ts): every paid order's
-- admission ends again, as settling it did (prelude: end_admission). ZADD GT: a later bound
-- already kept stays. The set is then whole again (redis-keys.ts: DONE_WHOLE_MEMBER). Admissions
-- ended by leaving, not buying, are not in Postgres: a token of one held back is only a hold, and
-- its second order is still refused (orders_admission_once). One round trip per event.
-- KEYS as queue-poll.lua. ARGV[1] now (ms), ARGV[2] how long the set lives at least (ms),
-- ARGV[3..] pairs: visitor, the end (ms) of the admission their paid order was bought with (its
-- tokens' deadline, so none of them admits a new hold).
local now = tonumber(ARGV[1])
local restored, longest = 0, now + tonumber(ARGV[2])
for i = 3, #ARGV - 1, 2 do
  local bound = tonumber(ARGV[i + 1])
  if bound > now then
    restored = restored + redis.call('ZADD', KEYS[5], 'GT', 'CH', string.format('%d', bound), ARGV[i])
    if bound > longest then longest = bound end
  end
end
redis.call('ZADD', KEYS[5], '+inf', DONE_WHOLE_MEMBER)
keep_at_least(KEYS[5], longest - now)
return {'RESTORED', tostring(restored)}
