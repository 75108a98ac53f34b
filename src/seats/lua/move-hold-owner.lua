-- A guest signed in: their live hold becomes the account's (docs/API.md: Accounts, claim-guest).
-- Atomic and once: the record, every seat lock that still names the guest's hold and the two
-- users' active-holds sets change together, or nothing does. Only a hold of this guest moves;
-- a lapsed one is not brought back (no lock is created, no deadline extended).
-- One round trip: every key follows from the request (hold id, show, both users).
-- KEYS[1] hold record, KEYS[2] the guest's active holds on this show, KEYS[3] the account's,
-- KEYS[4] the show's seat locks, KEYS[5] the guest's seat budget, KEYS[6] the account's (the
-- seats go on counting against the person who now has them: signing in frees no budget).
-- ARGV[1] guest user id, ARGV[2] account user id, ARGV[3] now (ms).
local hold = read_hold(KEYS[1])
if not hold or hold.status == 'SETTLED' then
  return {'HOLD_NOT_FOUND'}
end
if hold.userId == ARGV[2] then
  return {'ALREADY_MOVED'}
end
-- Another person's hold is indistinguishable from none.
if hold.userId ~= ARGV[1] then
  return {'HOLD_NOT_FOUND'}
end
local now = tonumber(ARGV[3])
if tonumber(hold.expiresAtMs) <= now then
  return {'HOLD_EXPIRED'}
end
local from = lock_owner(ARGV[1], hold.holdId)
local to = lock_owner(ARGV[2], hold.holdId)
local moved = 0
for _, seat in ipairs(hold.seatIds) do
  local owner, deadline = lock_of(KEYS[4], seat, now)
  if owner == from then
    set_lock(KEYS[4], seat, to, deadline)
    moved = moved + 1
  end
end
if moved == 0 then
  return {'HOLD_EXPIRED'}
end
hold.userId = ARGV[2]
redis.call('SET', KEYS[1], cjson.encode(hold), 'KEEPTTL')
redis.call('ZREM', KEYS[2], hold.holdId)
redis.call('ZADD', KEYS[3], hold.expiresAtMs, hold.holdId)
keep_at_least(KEYS[3], tonumber(hold.expiresAtMs) - now)
local latest = now
for _, seat in ipairs(hold.seatIds) do
  local entry = hold.holdId .. '|' .. seat
  local until_ms = redis.call('ZSCORE', KEYS[5], entry)
  if until_ms then
    redis.call('ZREM', KEYS[5], entry)
    redis.call('ZADD', KEYS[6], until_ms, entry)
    latest = math.max(latest, tonumber(until_ms))
  end
end
if latest > now then keep_at_least(KEYS[6], latest - now) end
return {'MOVED', tostring(moved)}
