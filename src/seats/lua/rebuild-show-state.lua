-- Make a show's Redis state agree with Postgres (`order_seats` as read just before), then mark the
-- state present (the epoch). Used by the cron's repair and, when a hold or seat map finds the
-- state missing, on the spot. Every write is a compare-and-set against what Redis holds now, so a
-- snapshot that is a moment old can never undo a settlement that happened since:
--  - a confirmed order's seats join the booked set unless its hold's tombstone says FREED;
--  - a pending order gets its hold record back (only if the record is gone) and its missing seat
--    locks, unless its hold is already SETTLED (cancelled, expired or paid meanwhile); while its
--    hold is this order's, its seats count again against the live-seat budgets of its person and
--    of the address it was charged to (a lost budget entry hands nobody a fresh budget);
--  - a settled order still inside its payment window (paid or cancelled: a settle that may have
--    been lost) leaves those budgets: nothing live is charged to a budget with no way to free it.
-- KEYS[1] the show's booked seats, KEYS[2] the show's state epoch, KEYS[3] the show's seat locks,
-- then per order: BOOKED → its hold record; PENDING → its hold record, the user's active holds,
-- the person's budget and (flag '1') the address's; SETTLED → the person's budget and (flag '1')
-- the address's.
-- ARGV[1] now (ms), ARGV[2] number of stale booked seats, then those seats (the cron read them in
-- Redis before Postgres had them unsold), then the number of orders, then per order: kind, order
-- id, seat count, the seats, and for PENDING: userId, holdId, hold record JSON, lock TTL (ms),
-- record TTL (ms), payment deadline (ms), address-budget flag; for SETTLED: holdId, address flag.
local a = 2
local removed = 0
local stale = tonumber(ARGV[a])
a = a + 1
for _ = 1, stale do
  removed = removed + redis.call('SREM', KEYS[1], ARGV[a])
  a = a + 1
end
local orders = tonumber(ARGV[a])
a = a + 1
local k = 4
local now = tonumber(ARGV[1])
local added = 0
local restored = 0
local charged = 0
local freed = 0
for _ = 1, orders do
  local kind, order_id, n = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
  a = a + 3
  local seats = {}
  for i = 1, n do
    seats[i] = ARGV[a]
    a = a + 1
  end
  local hold = kind ~= 'SETTLED' and read_hold(KEYS[k]) or nil
  local settled = hold and hold.status == 'SETTLED'
  if kind == 'SETTLED' then
    local hold_id, has_address = ARGV[a], ARGV[a + 1] == '1'
    a = a + 2
    for _, key in ipairs({ KEYS[k], has_address and KEYS[k + 1] or nil }) do
      for i = 1, n do
        freed = freed + redis.call('ZREM', key, hold_id .. '|' .. seats[i])
      end
    end
    k = k + (has_address and 2 or 1)
  elseif kind == 'BOOKED' then
    if not (settled and hold.orderId == order_id and hold.settledAs == 'FREED') then
      added = added + redis.call('SADD', KEYS[1], unpack(seats))
    end
    k = k + 1
  else
    local user_id, hold_id, record = ARGV[a], ARGV[a + 1], ARGV[a + 2]
    local lock_ms, record_ms, deadline = ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
    local has_address = ARGV[a + 6] == '1'
    a = a + 7
    if not settled then
      if not hold then
        redis.call('SET', KEYS[k], record, 'PX', record_ms)
        redis.call('ZADD', KEYS[k + 1], deadline, hold_id)
        keep_at_least(KEYS[k + 1], lock_ms)
      end
      if not hold or (hold.status == 'ORDERED' and hold.orderId == order_id) then
        for _, key in ipairs({ KEYS[k + 2], has_address and KEYS[k + 3] or nil }) do
          for i = 1, n do
            charged = charged + redis.call('ZADD', key, deadline, hold_id .. '|' .. seats[i])
          end
          keep_at_least(key, lock_ms)
        end
      end
      local owner = lock_owner(user_id, hold_id)
      for i = 1, n do
        -- Only a free seat gets its lock back: a live lock, whoever's, is never overwritten.
        if not lock_of(KEYS[3], seats[i], now) then
          set_lock(KEYS[3], seats[i], owner, deadline)
          restored = restored + 1
        end
      end
      keep_at_least(KEYS[3], lock_ms)
    end
    k = k + (has_address and 4 or 3)
  end
end
redis.call('SET', KEYS[2], ARGV[1])
return {'REBUILT', tostring(added), tostring(removed), tostring(restored), tostring(charged), tostring(freed)}
