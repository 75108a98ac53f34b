-- An order's seats leave the hold stage. BOOK: payment confirmed, the seats join the show's booked
-- set. FREE: the order was cancelled or expired, its seats leave the booked set. Either way the
-- order's seat locks (only those still naming it) and its hold record go.
-- KEYS[1] the show's booked seats, KEYS[2] hold record, KEYS[3] the user's active holds on this
-- show, KEYS[4..] the order's seat locks. ARGV[1] lock owner "userId:holdId", ARGV[2] holdId,
-- ARGV[3] BOOK | FREE, ARGV[4..] the order's seat ids (aligned with KEYS[4..]).
local seats = {}
for i = 4, #ARGV do
  seats[#seats + 1] = ARGV[i]
end
if #seats > 0 then
  if ARGV[3] == 'BOOK' then
    redis.call('SADD', KEYS[1], unpack(seats))
  else
    redis.call('SREM', KEYS[1], unpack(seats))
  end
end
for i = 4, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then
    redis.call('DEL', KEYS[i])
  end
end
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[2])
return {'OK'}
