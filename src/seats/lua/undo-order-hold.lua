-- Undo order-hold when the order could not be written: RESTORE puts the hold back as it was
-- (HELD, its own expiry) so the customer can retry; RELEASE frees it (its seats were sold in the
-- database, which Redis had lost). Only acts while the hold still names this order. The seats'
-- live-seat budget entries, which order-hold.lua dated to the payment deadline, go with the locks
-- (RELEASE, or a hold whose own time is up) or go back to the hold's own deadline (RESTORE).
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show, KEYS[3] the show's seat locks,
-- KEYS[4] the person's seat budget, KEYS[5] the address budget the hold id names (the one charged).
-- ARGV[1] order id, ARGV[2] RESTORE | RELEASE, ARGV[3] now (ms).
local hold = read_hold(KEYS[1])
if not hold then
  return {'HOLD_NOT_FOUND'}
end
if hold.status ~= 'ORDERED' or hold.orderId ~= ARGV[1] then
  return {'MOVED_ON'}
end
local owner = lock_owner(hold.userId, hold.holdId)
local now = tonumber(ARGV[3])
local remaining = tonumber(hold.heldUntilMs) - now
local budget = { person = KEYS[4], address = KEYS[5] }
if ARGV[2] == 'RELEASE' or remaining <= 0 then
  for _, seat in ipairs(hold.seatIds) do
    free_if_owned(KEYS[3], seat, owner)
  end
  refund_budget(budget, hold.holdId, hold.seatIds)
else
  charge_budget(budget, hold.holdId, hold.seatIds, hold.heldUntilMs, remaining)
end
if ARGV[2] == 'RELEASE' then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], hold.holdId)
  return {'RELEASED'}
end
hold.status = 'HELD'
hold.orderId = nil
hold.expiresAt = hold.heldUntil
hold.expiresAtMs = hold.heldUntilMs
hold.heldUntil = nil
hold.heldUntilMs = nil
if remaining > 0 then
  -- Only locks that still name this hold go back to its own deadline (none is taken from anyone).
  for _, seat in ipairs(hold.seatIds) do
    if lock_of(KEYS[3], seat, now) == owner then
      set_lock(KEYS[3], seat, owner, hold.expiresAtMs)
    end
  end
end
redis.call('SET', KEYS[1], cjson.encode(hold), 'KEEPTTL')
redis.call('ZADD', KEYS[2], hold.expiresAtMs, hold.holdId)
return {'RESTORED'}
