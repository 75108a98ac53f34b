-- An order's seats leave the hold stage. BOOK: payment confirmed, the seats join the show's booked
-- set. FREE: the order was cancelled or expired, its seats leave the booked set. Either way the
-- order's seat locks (only those still naming it) go, its seats leave the live-seat budgets of the
-- person and of the client address it was charged to (booked or freed, they are no longer live
-- held seats), and the hold record becomes a SETTLED tombstone naming the order: a retried
-- Idempotency-Key cannot make the hold again, and a repair that read the order as pending before
-- this ran cannot bring its locks back. A BOOK on a show of an on-sale event also ends the buyer's
-- admission (they are done shopping: the next visitor goes in, and a second purchase queues again).
-- KEYS[1] the show's booked seats, KEYS[2] hold record, KEYS[3] the user's active holds on this
-- show, KEYS[4] the show's seat locks, KEYS[5] the person's seat budget, then (ARGV[7] = '1') the
-- address budget the order carries (orders.budget_address_tag), then (ARGV[8] = '1') the event's
-- admitted shoppers and its ended admissions (src/onsale/redis-keys.ts).
-- ARGV[1] userId, ARGV[2] holdId, ARGV[3] BOOK | FREE, ARGV[4] order id, ARGV[5] the tombstone
-- to write when the record is gone (JSON), ARGV[6] tombstone TTL (ms), ARGV[7] '1' when the order
-- has an address budget, ARGV[8] '1' when the admission ends, ARGV[9] now (ms), ARGV[10] the
-- admission window (ms), ARGV[11..] the order's seat ids.
local seats = {}
for i = 11, #ARGV do
  seats[#seats + 1] = ARGV[i]
end
if #seats > 0 then
  if ARGV[3] == 'BOOK' then
    redis.call('SADD', KEYS[1], unpack(seats))
  else
    redis.call('SREM', KEYS[1], unpack(seats))
  end
end
local owner = lock_owner(ARGV[1], ARGV[2])
for _, seat in ipairs(seats) do
  free_if_owned(KEYS[4], seat, owner)
end
local k = 6
local budgets = { person = KEYS[5] }
if ARGV[7] == '1' then
  budgets.address = KEYS[k]
  k = k + 1
end
refund_budget(budgets, ARGV[2], seats)
if ARGV[8] == '1' then
  end_admission(KEYS[k], KEYS[k + 1], ARGV[1], ARGV[9], ARGV[10])
end
local tombstone = read_hold(KEYS[2]) or cjson.decode(ARGV[5])
tombstone.status = 'SETTLED'
tombstone.orderId = ARGV[4]
tombstone.settledAs = ARGV[3] == 'BOOK' and 'BOOKED' or 'FREED'
tombstone.heldUntil = nil
tombstone.heldUntilMs = nil
redis.call('SET', KEYS[2], cjson.encode(tombstone), 'PX', ARGV[6])
redis.call('ZREM', KEYS[3], ARGV[2])
return {'SETTLED'}
