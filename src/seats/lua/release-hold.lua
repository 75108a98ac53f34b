-- Release a hold: free only the seats whose lock still names this hold, then forget the hold.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show, KEYS[3..] the hold's seat locks.
-- ARGV[1] the hold's seats as the caller read them.
local hold, refusal = held_as_read(KEYS[1], ARGV[1])
if not hold then
  return refusal
end
local owner = lock_owner(hold.userId, hold.holdId)
local freed = 0
for i = 3, #KEYS do
  if redis.call('GET', KEYS[i]) == owner then
    redis.call('DEL', KEYS[i])
    freed = freed + 1
  end
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], hold.holdId)
return {'RELEASED', tostring(freed)}
