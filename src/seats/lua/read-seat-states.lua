-- The show's seat states for the seat map, in one round trip and O(1) keys whatever the hall size:
-- the booked set and the seats whose lock is live (owners stay in Redis: the map is shared).
-- KEYS[1] the show's booked seats, KEYS[2] the show's state epoch, KEYS[3] the show's seat locks.
-- ARGV[1] now (ms). Returns {'SEATS', booked seat ids, held seat ids}.
if not show_state_present(KEYS[2]) then
  return {'SHOW_STATE_MISSING'}
end
local now = tonumber(ARGV[1])
local held = {}
local locks = redis.call('HGETALL', KEYS[3])
for i = 1, #locks, 2 do
  local _, deadline = parse_lock(locks[i + 1])
  if deadline > now then
    held[#held + 1] = locks[i]
  end
end
return {'SEATS', redis.call('SMEMBERS', KEYS[1]), held}
