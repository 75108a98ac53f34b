-- Turn a live hold into an order hold (docs/API.md: Flows, order): still held by this user, on
-- exactly the seats the caller named → its seat locks and the hold record are extended to the
-- payment window and the hold is marked ORDERED. A hold that is already ORDERED answers with its
-- record (a retried POST /orders makes no second order). The caller names the hold's seats (the
-- client got them from POST /holds) because Postgres writes the order with those very seats at the
-- same time; a hold whose seats are not those answers HOLD_CHANGED with its own seats, and nothing
-- changes.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show, KEYS[3] the show's seat locks,
-- KEYS[4] the person's seat budget, KEYS[5] the address budget the hold id names (the one the hold
-- charged, whichever address orders it): the seats stay charged to both until the payment deadline
-- (settling the order lets them go at once).
-- ARGV[1] userId, ARGV[2] now (ms), ARGV[3] payment window (ms), ARGV[4] new order id,
-- ARGV[5] hold record grace (ms), ARGV[6] payment deadline as ISO text, ARGV[7] the hold id asked
-- for, ARGV[8..] the named seat ids.
-- The reply's record carries the deadline the order really has (see "One payment window" below).
local hold, record = own_hold(KEYS[1], ARGV[1], ARGV[7])
if not hold then
  return record -- the refusal
end
if hold.status == 'ORDERED' then
  return {'ALREADY_ORDERED', record}
end
local isNamed = {}
for i = 8, #ARGV do
  isNamed[ARGV[i]] = true
end
local named = #ARGV - 7
for _, seat in ipairs(hold.seatIds) do
  if not isNamed[seat] then named = -1 end
end
if named ~= #hold.seatIds then
  local seats = {unpack(hold.seatIds)}
  table.insert(seats, 1, 'HOLD_CHANGED')
  return seats
end
local now = tonumber(ARGV[2])
if tonumber(hold.expiresAtMs) <= now then
  return {'HOLD_EXPIRED'}
end

local owner = lock_owner(hold.userId, hold.holdId)
-- A seat whose lock lapsed (a moment before the record's deadline) is lost to time: 410. Only a
-- lock naming someone else means the seat was taken: 409 with those seats.
local taken = {}
local lapsed = false
for _, seat in ipairs(hold.seatIds) do
  local current = lock_of(KEYS[3], seat, now)
  if not current then
    lapsed = true
  elseif current ~= owner then
    taken[#taken + 1] = seat
  end
end
if #taken > 0 then return seat_taken_reply(taken) end
if lapsed then
  return {'HOLD_EXPIRED'}
end

-- One payment window per hold (issue 15): a hold put back after its order failed (undo-order-hold
-- RESTORE) and ordered again keeps the deadline its first order was given, never a fresh window —
-- but is never cut below its own hold deadline either.
local deadline, deadline_text = now + tonumber(ARGV[3]), ARGV[6]
if hold.paymentDeadlineMs and tonumber(hold.paymentDeadlineMs) < deadline then
  deadline, deadline_text = tonumber(hold.paymentDeadlineMs), hold.paymentDeadline
  if tonumber(hold.expiresAtMs) > deadline then
    deadline, deadline_text = tonumber(hold.expiresAtMs), hold.expiresAt
  end
end
if not hold.paymentDeadlineMs then
  hold.paymentDeadlineMs = deadline
  hold.paymentDeadline = deadline_text
end
for _, seat in ipairs(hold.seatIds) do
  set_lock(KEYS[3], seat, owner, deadline)
end
keep_at_least(KEYS[3], ARGV[3])
charge_budget({ person = KEYS[4], address = KEYS[5] }, hold.holdId, hold.seatIds, deadline, ARGV[3])
hold.status = 'ORDERED'
hold.orderId = ARGV[4]
hold.heldUntil = hold.expiresAt
hold.heldUntilMs = hold.expiresAtMs
hold.expiresAtMs = deadline
hold.expiresAt = deadline_text
local updated = cjson.encode(hold)
redis.call('SET', KEYS[1], updated, 'PX', deadline - now + tonumber(ARGV[5]))
redis.call('ZADD', KEYS[2], hold.expiresAtMs, hold.holdId)
keep_at_least(KEYS[2], ARGV[3])
return {'ORDERED', updated}
