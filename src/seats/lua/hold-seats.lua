-- Hold seats: all of them, or none (docs/API.md: Flows, hold). One round trip, atomic.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show (zset by expiry),
-- KEYS[3] the show's booked seats (set), KEYS[4] the show's state epoch, KEYS[5] the show's seat
-- locks (hash), KEYS[6] the person's seat budget, KEYS[7] the client address's, KEYS[8] the refusal
-- counts (redis-contract.ts: personBudgetKey), KEYS[9] on a show of an on-sale event: the event's
-- ended admissions (src/onsale/redis-keys.ts: eventDoneKey).
-- ARGV[1] userId, ARGV[2] holdId, ARGV[3] now (ms), ARGV[4] lock TTL (ms), ARGV[5] hold record
-- TTL (ms), ARGV[6] hold record JSON, ARGV[7] max active holds per user, ARGV[8] hold expiry (ms),
-- ARGV[9] the person's budget, ARGV[10] the address's (live seats), ARGV[11] the end (ms) of the
-- caller's admission as their token says ('' when the show has no waiting room),
-- ARGV[12] R: how many hall rows follow for the orphan rule (0: the show does not apply it),
-- ARGV[13..12+R] those rows (hall.lua: parse_row), ARGV[13+R..] seat ids.
-- The clock comes from ARGV so the script is deterministic (replicas and Upstash replay it).
local admission = ARGV[11] ~= '' and { done = KEYS[9], visitor = ARGV[1], token_until = ARGV[11] } or nil
local refused = hold_refusal(KEYS[1], KEYS[2], KEYS[4], ARGV[3], ARGV[7], admission)
if refused then
  return refused
end

local owner = lock_owner(ARGV[1], ARGV[2])
local rule_rows = tonumber(ARGV[12])
local seats, wanted, taken = {}, {}, {}
for i = 13 + rule_rows, #ARGV do
  seats[#seats + 1] = ARGV[i]
  wanted[ARGV[i]] = true
  if taken_by_other(KEYS[3], ARGV[i], KEYS[5], owner, ARGV[3]) then
    taken[#taken + 1] = ARGV[i]
  end
end
if #taken > 0 then return seat_taken_reply(taken) end
local stranding = orphan_refusal(rows_of(13, rule_rows), wanted, KEYS[3], KEYS[5], owner, ARGV[3])
if stranding then return stranding end
local budget = { person = KEYS[6], address = KEYS[7], refusals = KEYS[8], person_limit = ARGV[9], address_limit = ARGV[10] }
local over = budget_refusal(budget, ARGV[3], #seats)
if over then return over end
charge_budget(budget, ARGV[2], seats, ARGV[8], ARGV[4])

write_hold({ locks = KEYS[5], hold = KEYS[1], user_holds = KEYS[2] }, owner, seats, ARGV[2], ARGV[6], ARGV[4], ARGV[5], ARGV[8])
return {'HELD'}
