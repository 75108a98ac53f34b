-- The cron's repair of the event's ended admissions (src/onsale/use-cases/restore-ended-admissions.ts)
-- from Postgres, the source of truth: every paid order's admission ends again, as settling it
-- did (prelude: end_admission), if Redis lost the key. ZADD GT: a later bound already kept stays.
-- One round trip per event.
-- KEYS as queue-poll.lua. ARGV[1] now (ms), ARGV[2..] pairs: visitor, the end (ms) of the admission
-- their paid order was bought with (its tokens' deadline, so none of them admits a new hold).
local now = tonumber(ARGV[1])
local restored, longest = 0, now
for i = 2, #ARGV - 1, 2 do
  local bound = tonumber(ARGV[i + 1])
  if bound > now then
    restored = restored + redis.call('ZADD', KEYS[5], 'GT', 'CH', string.format('%d', bound), ARGV[i])
    if bound > longest then longest = bound end
  end
end
if longest > now then
  keep_at_least(KEYS[5], longest - now)
end
return {'RESTORED', tostring(restored)}
