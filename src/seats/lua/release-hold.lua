-- Release a hold: free only the seats whose lock still names this hold, then forget the hold.
-- KEYS[1] hold record, KEYS[2] the user's active holds on this show, KEYS[3..] the hold's seat locks.
-- ARGV[1] lock owner, ARGV[2] holdId, ARGV[3] the hold's seats as the caller read them.
local record = redis.call('GET', KEYS[1])
if not record then
  return {'GONE'}
end
local hold = cjson.decode(record)
if hold.status ~= 'HELD' then
  return {'NOT_HELD', hold.status}
end
if table.concat(hold.seatIds, ',') ~= ARGV[3] then
  return {'CHANGED'}
end
local freed = 0
for i = 3, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then
    redis.call('DEL', KEYS[i])
    freed = freed + 1
  end
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
return {'OK', tostring(freed)}
