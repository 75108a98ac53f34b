-- A visitor leaves the waiting room or is done shopping: their place, or their admission, frees
-- at once for the next (an admission also ends by itself after its window). One round trip.
-- KEYS as queue-poll.lua. ARGV[1] visitor.
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return {'LEFT'}
