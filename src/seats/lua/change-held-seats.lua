-- Swap a hold's seats: release the removed ones, lock the added ones, all or nothing; the hold's
-- expiry does not move. One round trip, atomic: the hold is read here, so its owner and seats are
-- checked against what it is now, and every key follows from the request (hold id and show).
-- KEYS[1] hold record, KEYS[2] the show's booked seats, KEYS[3] the show's state epoch,
-- KEYS[4] the show's seat locks, KEYS[5] the person's seat budget, KEYS[6] the address budget the
-- hold id names (the one the hold charged, whichever address changes it), KEYS[7] the refusal
-- counts; ARGV at the end: [#ARGV - 2] the hold id asked for, [#ARGV - 1] the person's budget,
-- [#ARGV] the address's.
-- ARGV[1] userId (the caller), ARGV[2] now (ms), ARGV[3] quantity, ARGV[4] R: how many hall rows
-- follow for the orphan rule (0: the show does not apply it), ARGV[5..4+R] those rows
-- (hall.lua: parse_row), ARGV[5+R..] the new seat ids. The hold's own seats count as free.
local hold, refusal = own_held_hold(KEYS[1], ARGV[1], ARGV[#ARGV - 2])
if not hold then
  return refusal
end
local now = tonumber(ARGV[2])
if tonumber(hold.expiresAtMs) <= now then
  return {'HOLD_EXPIRED'}
end
if not show_state_present(KEYS[3]) then
  return {'SHOW_STATE_MISSING'}
end

local owner = lock_owner(hold.userId, hold.holdId)
local wanted = {}
local seats = {}
local taken = {}
local rule_rows = tonumber(ARGV[4])
for i = 5 + rule_rows, #ARGV - 3 do
  local seat = ARGV[i]
  wanted[seat] = true
  seats[#seats + 1] = seat
  if taken_by_other(KEYS[2], seat, KEYS[4], owner, now) then
    taken[#taken + 1] = seat
  end
end
if #taken > 0 then return seat_taken_reply(taken) end
local stranding = orphan_refusal(rows_of(5, rule_rows), wanted, KEYS[2], KEYS[4], owner, now)
if stranding then return stranding end
local budget = { person = KEYS[5], address = KEYS[6], refusals = KEYS[7], person_limit = ARGV[#ARGV - 1], address_limit = ARGV[#ARGV] }
local over = budget_refusal(budget, now, #seats - #hold.seatIds)
if over then return over end
refund_budget(budget, hold.holdId, hold.seatIds)
charge_budget(budget, hold.holdId, seats, hold.expiresAtMs, tonumber(hold.expiresAtMs) - now)

for _, seat in ipairs(hold.seatIds) do
  if not wanted[seat] then free_if_owned(KEYS[4], seat, owner) end
end
for _, seat in ipairs(seats) do
  set_lock(KEYS[4], seat, owner, hold.expiresAtMs)
end
keep_at_least(KEYS[4], tonumber(hold.expiresAtMs) - now)
hold.seatIds = seats
hold.quantity = tonumber(ARGV[3])
local updated = cjson.encode(hold)
redis.call('SET', KEYS[1], updated, 'KEEPTTL')
return {'SWAPPED', updated}
