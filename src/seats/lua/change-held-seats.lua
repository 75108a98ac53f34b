-- Swap a hold's seats: release the removed ones, lock the added ones, all or nothing; the hold's
-- expiry does not move. One round trip, atomic.
-- KEYS[1] hold record, KEYS[2] the show's booked seats, KEYS[3..] locks of the new seats (in ARGV
-- order) followed by locks of the hold's current seats.
-- ARGV[1] lock owner, ARGV[2] now (ms), ARGV[3] number of new seats, ARGV[4] the current seats as
-- the caller read them ("A1,A2": the swap is refused if the hold changed since), ARGV[5] the new
-- hold record JSON, ARGV[6..] new seat ids then current seat ids.
local record = redis.call('GET', KEYS[1])
if not record then
  return {'GONE'}
end
local hold = cjson.decode(record)
if hold.status ~= 'HELD' then
  return {'NOT_HELD', hold.status}
end
if table.concat(hold.seatIds, ',') ~= ARGV[4] then
  return {'CHANGED'}
end
local remaining = tonumber(hold.expiresAtMs) - tonumber(ARGV[2])
if remaining <= 0 then
  return {'EXPIRED'}
end

local fresh = tonumber(ARGV[3])
local wanted = {}
local taken = {}
for i = 1, fresh do
  local seat = ARGV[5 + i]
  wanted[seat] = true
  if redis.call('SISMEMBER', KEYS[2], seat) == 1 then
    taken[#taken + 1] = seat
  else
    local owner = redis.call('GET', KEYS[2 + i])
    if owner and owner ~= ARGV[1] then
      taken[#taken + 1] = seat
    end
  end
end
if #taken > 0 then
  table.insert(taken, 1, 'SEAT_TAKEN')
  return taken
end

for i = fresh + 1, #KEYS - 2 do
  local seat = ARGV[5 + i]
  if not wanted[seat] and redis.call('GET', KEYS[2 + i]) == ARGV[1] then
    redis.call('DEL', KEYS[2 + i])
  end
end
for i = 1, fresh do
  redis.call('SET', KEYS[2 + i], ARGV[1], 'PX', remaining)
end
redis.call('SET', KEYS[1], ARGV[5], 'KEEPTTL')
return {'OK'}
