-- Turn a live hold into an order hold (docs/API.md: Flows, order): still held by this user, on
-- exactly the seats the caller named → its seat locks and the hold record are extended to the
-- payment window and the hold is marked ORDERED. A hold that is already ORDERED answers with its
-- record (a retried POST /orders makes no second order). The caller names the hold's seats (the
-- client got them from POST /holds) so that only their locks are declared; a hold whose seats are
-- not those answers HOLD_CHANGED with its own seats, and nothing changes.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show, KEYS[3..] the named seats' locks.
-- ARGV[1] userId, ARGV[2] now (ms), ARGV[3] payment window (ms), ARGV[4] new order id,
-- ARGV[5] hold record grace (ms), ARGV[6] payment deadline as ISO text, ARGV[7..] the named seat
-- ids, aligned with KEYS[3..].
local hold, record = read_hold(KEYS[1])
if not hold or hold.userId ~= ARGV[1] or hold.status == 'SETTLED' then
  return {'HOLD_NOT_FOUND'}
end
if hold.status == 'ORDERED' then
  return {'ALREADY_ORDERED', record}
end
local keyOf = {}
for i = 7, #ARGV do
  keyOf[ARGV[i]] = KEYS[i - 4]
end
local named = #ARGV - 6
for _, seat in ipairs(hold.seatIds) do
  if not keyOf[seat] then named = -1 end
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
  local current = redis.call('GET', keyOf[seat])
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

for _, seat in ipairs(hold.seatIds) do
  redis.call('SET', keyOf[seat], owner, 'PX', ARGV[3])
end
hold.status = 'ORDERED'
hold.orderId = ARGV[4]
hold.heldUntil = hold.expiresAt
hold.heldUntilMs = hold.expiresAtMs
hold.expiresAtMs = now + tonumber(ARGV[3])
hold.expiresAt = ARGV[6]
local updated = cjson.encode(hold)
redis.call('SET', KEYS[1], updated, 'PX', tonumber(ARGV[3]) + tonumber(ARGV[5]))
redis.call('ZADD', KEYS[2], hold.expiresAtMs, hold.holdId)
keep_at_least(KEYS[2], ARGV[3])
return {'ORDERED', updated}
