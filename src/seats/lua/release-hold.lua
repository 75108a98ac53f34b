-- Release a hold: free only the seats whose lock still names this hold, then forget the hold.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show, KEYS[3..] the hold's seat locks.
-- ARGV[1] the hold's seats as the caller read them.
local hold = read_hold(KEYS[1])
if not hold or hold.status == 'SETTLED' then
  return {'HOLD_NOT_FOUND'}
end
if hold.status ~= 'HELD' then
  return {'HOLD_NOT_CHANGEABLE', hold.status}
end
if table.concat(hold.seatIds, ',') ~= ARGV[1] then
  return {'HOLD_CHANGED'}
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
