-- Hold the best available seats (docs/API.md: Best available): chosen from the live state and
-- locked in the same script, so nobody can take them in between. One round trip, atomic.
-- KEYS as hold-seats.lua: [1] hold record, [2] the user's active holds, [3] booked seats,
-- [4] state epoch, [5] seat locks, [6] person's budget, [7] address's budget, [8] refusal counts,
-- [9] on an on-sale show: the event's ended admissions.
-- ARGV[1..11] as hold-seats.lua (ARGV[6]: the record, its seatIds filled in here), ARGV[12] how
-- many seats, ARGV[13] '1' when they may be split over two adjacent rows, ARGV[14..] the rows to
-- choose from, front first (hall.lua: parse_row).
local admission = ARGV[11] ~= '' and { done = KEYS[9], visitor = ARGV[1], token_until = ARGV[11] } or nil
local refused = hold_refusal(KEYS[1], KEYS[2], KEYS[4], ARGV[3], ARGV[7], admission)
if refused then
  return refused
end

local budget = { person = KEYS[6], address = KEYS[7], refusals = KEYS[8], person_limit = ARGV[9], address_limit = ARGV[10] }
local over = budget_refusal(budget, ARGV[3], tonumber(ARGV[12]))
if over then return over end

local owner = lock_owner(ARGV[1], ARGV[2])
local rows = rows_of(14, #ARGV - 13)
local is_taken = taken_in_show(KEYS[3], KEYS[5], owner, ARGV[3])
local frees = {}
for i, row in ipairs(rows) do
  frees[i] = free_positions(row, is_taken)
end
local seats, possible = pick_best(rows, frees, tonumber(ARGV[12]), ARGV[13] == '1')
if not seats then
  return {'NO_BEST_SEATS', possible[1], possible[2]}
end

local hold = cjson.decode(ARGV[6])
hold.seatIds = seats
local record = cjson.encode(hold)
charge_budget(budget, ARGV[2], seats, ARGV[8], ARGV[4])
write_hold({ locks = KEYS[5], hold = KEYS[1], user_holds = KEYS[2] }, owner, seats, ARGV[2], record, ARGV[4], ARGV[5], ARGV[8])
return {'HELD', record}
