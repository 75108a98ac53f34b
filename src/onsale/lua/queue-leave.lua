-- A visitor leaves the waiting room or is done shopping: their place, or their admission, frees
-- at once for the next (an admission also ends by itself after its window), and a token of that
-- admission admits no new hold (prelude: end_admission). One round trip.
-- KEYS as queue-poll.lua. ARGV[1] visitor, ARGV[2] now (ms), ARGV[3] the admission window (ms),
-- used when Redis has lost the event's configuration.
redis.call('ZREM', KEYS[2], ARGV[1])
local window = redis.call('HGET', KEYS[1], 'windowMs') or ARGV[3]
end_admission(KEYS[4], KEYS[5], ARGV[1], ARGV[2], window)
return {'LEFT'}
