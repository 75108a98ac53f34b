-- Swap a hold's seats: release the removed ones, lock the added ones, all or nothing; the hold's
-- expiry does not move. One round trip, atomic.
-- KEYS[1] hold record, KEYS[2] the show's booked seats, KEYS[3] the show's state epoch,
-- KEYS[4..] locks of the new seats (in ARGV order) followed by locks of the hold's current seats.
-- ARGV[1] now (ms), ARGV[2] number of new seats, ARGV[3] the current seats as the caller read
-- them ("A1,A2": the swap is refused if the hold changed since), ARGV[4] the new hold record
-- JSON, ARGV[5..] new seat ids then current seat ids.
local hold, refusal = held_as_read(KEYS[1], ARGV[3])
if not hold then
  return refusal
end
local remaining = tonumber(hold.expiresAtMs) - tonumber(ARGV[1])
if remaining <= 0 then
  return {'HOLD_EXPIRED'}
end
if not show_state_present(KEYS[3]) then
  return {'SHOW_STATE_MISSING'}
end

local owner = lock_owner(hold.userId, hold.holdId)
local fresh = tonumber(ARGV[2])
local wanted = {}
local taken = {}
for i = 1, fresh do
  local seat = ARGV[4 + i]
  wanted[seat] = true
  if taken_by_other(KEYS[2], seat, KEYS[3 + i], owner) then
    taken[#taken + 1] = seat
  end
end
if #taken > 0 then return seat_taken_reply(taken) end

for i = fresh + 1, #KEYS - 3 do
  local seat = ARGV[4 + i]
  if not wanted[seat] and redis.call('GET', KEYS[3 + i]) == owner then
    redis.call('DEL', KEYS[3 + i])
  end
end
for i = 1, fresh do
  redis.call('SET', KEYS[3 + i], owner, 'PX', remaining)
end
redis.call('SET', KEYS[1], ARGV[4], 'KEEPTTL')
return {'SWAPPED'}
