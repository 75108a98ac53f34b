-- Every seat's state for the seat map, in one round trip.
-- KEYS[1] the show's booked seats, KEYS[2..] one lock per seat of the layout.
-- Returns {booked seat ids, lock owners in KEYS order (false where free)}.
local owners = {}
if #KEYS > 1 then
  owners = redis.call('MGET', unpack(KEYS, 2))
end
return {redis.call('SMEMBERS', KEYS[1]), owners}
