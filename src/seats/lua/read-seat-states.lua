-- Every seat's state for the seat map, in one round trip.
-- KEYS[1] the show's booked seats, KEYS[2] the show's state epoch, KEYS[3..] one lock per seat of
-- the layout. Returns {'SEATS', booked seat ids, lock owners in KEYS order (false where free)}.
if not show_state_present(KEYS[2]) then
  return {'SHOW_STATE_MISSING'}
end
local owners = {}
if #KEYS > 2 then
  owners = redis.call('MGET', unpack(KEYS, 3))
end
return {'SEATS', redis.call('SMEMBERS', KEYS[1]), owners}
