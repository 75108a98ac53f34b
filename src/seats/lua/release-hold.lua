-- Release a hold: free only the seats whose lock still names this hold, then forget the hold.
-- One round trip: the hold is read here (the caller's, and still HELD), and every key follows from
-- the request (hold id, show, user).
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show, KEYS[3] the show's seat locks,
-- KEYS[4] the person's seat budget, KEYS[5] the address budget the hold id names (the one the hold
-- charged, whichever address releases it): the hold's seats leave both.
-- ARGV[1] userId (the caller), ARGV[2] now (ms), ARGV[3] the hold id asked for.
local hold, refusal = own_held_hold(KEYS[1], ARGV[1], ARGV[3])
if not hold then
  return refusal
end
local owner = lock_owner(hold.userId, hold.holdId)
local freed = 0
for _, seat in ipairs(hold.seatIds) do
  if free_if_owned(KEYS[3], seat, owner) then
    freed = freed + 1
  end
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], hold.holdId)
refund_budget({ person = KEYS[4], address = KEYS[5] }, hold.holdId, hold.seatIds)
local live = tonumber(hold.expiresAtMs) > tonumber(ARGV[2]) and 'LIVE' or 'LAPSED'
return {'RELEASED', tostring(freed), tostring(#hold.seatIds), live}
