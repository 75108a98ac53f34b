-- Shared by every seat script: prepended at load time (seat-store.ts), after the constants that
-- come from redis-contract.ts (LOCK_OWNER_SEPARATOR). Keys and outcome names: redis-contract.ts.

-- The value of a seat lock: who holds it, through which hold.
local function lock_owner(user_id, hold_id)
  return user_id .. LOCK_OWNER_SEPARATOR .. hold_id
end

-- The hold record at `key`, decoded, and its JSON text; nil when there is none.
local function read_hold(key)
  local text = redis.call('GET', key)
  if not text then
    return nil, nil
  end
  return cjson.decode(text), text
end

-- A locks-hash value (`<deadline ms>|<lock owner>`, redis-contract.ts: lockValue): owner, deadline.
local function parse_lock(value)
  local bar = string.find(value, '|', 1, true)
  return string.sub(value, bar + 1), tonumber(string.sub(value, 1, bar - 1))
end

-- The seat's live lock in the show's locks hash (redis-contract.ts: seatLocksKey): its owner and
-- deadline (ms), or nil when the seat is free (no field, or a deadline at or before `now`).
local function lock_of(locks_key, seat, now)
  local value = redis.call('HGET', locks_key, seat)
  if not value then
    return nil
  end
  local owner, deadline = parse_lock(value)
  if deadline <= tonumber(now) then
    return nil
  end
  return owner, deadline
end

-- Locks `seat` for `owner` until `deadline` (ms), the value redis-contract.ts's lockValue reads.
local function set_lock(locks_key, seat, owner, deadline)
  redis.call('HSET', locks_key, seat, string.format('%d', tonumber(deadline)) .. '|' .. owner)
end

-- Frees `seat` when its lock (live or lapsed) names `owner`; true if it did.
local function free_if_owned(locks_key, seat, owner)
  local value = redis.call('HGET', locks_key, seat)
  if not value or parse_lock(value) ~= owner then
    return false
  end
  redis.call('HDEL', locks_key, seat)
  return true
end

-- True when the seat is sold, or a live lock on it names someone other than `owner`.
local function taken_by_other(booked_key, seat, locks_key, owner, now)
  if redis.call('SISMEMBER', booked_key, seat) == 1 then
    return true
  end
  local current = lock_of(locks_key, seat, now)
  return current ~= nil and current ~= owner
end

-- The caller's hold `hold_id` at `key` (nil and the refusal when it is not theirs, gone or
-- settled). The record is named by the id's own part (redis-contract.ts: holdKey), so an id whose
-- budget tag is not the hold's is none: it would name another address's budget.
local function own_hold(key, user_id, hold_id)
  local hold, text = read_hold(key)
  if not hold or hold.userId ~= user_id or hold.holdId ~= hold_id or hold.status == 'SETTLED' then
    return nil, {'HOLD_NOT_FOUND'}
  end
  return hold, text
end

-- The caller's hold while it is still HELD: only then may its seats change or go (an ORDERED
-- hold's seats are its order's). Nil and the refusal otherwise.
local function own_held_hold(key, user_id, hold_id)
  local hold = own_hold(key, user_id, hold_id)
  if not hold then
    return nil, {'HOLD_NOT_FOUND'}
  end
  if hold.status ~= 'HELD' then
    return nil, {'HOLD_NOT_CHANGEABLE', hold.status}
  end
  return hold
end

-- The SEAT_TAKEN reply naming the `taken` seats.
local function seat_taken_reply(taken)
  table.insert(taken, 1, 'SEAT_TAKEN')
  return taken
end

-- False when Redis never had, or lost, the show's state: its booked set cannot be trusted then.
local function show_state_present(state_key)
  return redis.call('EXISTS', state_key) == 1
end

-- Keeps a key (a user's active holds, a show's locks hash) alive for at least `ms`.
local function keep_at_least(key, ms)
  redis.call('PEXPIRE', key, ms, 'GT')
  if redis.call('PTTL', key) < 0 then
    redis.call('PEXPIRE', key, ms)
  end
end

-- The waiting room's admissions that ended early (src/onsale/redis-keys.ts: eventDoneKey): the
-- visitor was done shopping — left, or bought (settle-order-seats.lua) — so no token of an
-- admission given before that admits a new hold. Score: a bound above every such token's deadline
-- (now + the admission window, at least the admission's own end), so a later admission, which
-- ends later, is untouched. `window` in ms.
local function end_admission(active_key, done_key, visitor, now, window)
  now = tonumber(now)
  local bound = now + tonumber(window)
  local until_ms = redis.call('ZSCORE', active_key, visitor)
  if until_ms and tonumber(until_ms) > bound then
    bound = tonumber(until_ms)
  end
  redis.call('ZREM', active_key, visitor)
  redis.call('ZREMRANGEBYSCORE', done_key, '-inf', now)
  redis.call('ZADD', done_key, 'GT', string.format('%d', bound), visitor)
  keep_at_least(done_key, bound - now)
end

-- False when Redis lost the event's ended admissions (src/onsale/redis-keys.ts: DONE_WHOLE_MEMBER):
-- a spent token would look live, so no token is judged by the set until it is put back.
local function ended_admissions_whole(done_key)
  return redis.call('ZSCORE', done_key, DONE_WHOLE_MEMBER) ~= false
end

-- True when the visitor's admission that lasts until `token_until` (ms, from their token) was
-- ended early (end_admission).
local function admission_ended(done_key, visitor, token_until)
  local bound = redis.call('ZSCORE', done_key, visitor)
  return bound ~= false and bound ~= nil and tonumber(token_until) <= tonumber(bound)
end

-- What a new hold checks before its seats (hold-seats.lua, hold-best-seats.lua): the same hold id
-- again (an Idempotency-Key retry, whatever became of it), the waiting room's admission when the
-- show has one (`admission` = { done = key, visitor, token_until }; judged only by a done set known
-- whole), the show's state, the user's live holds.
local function hold_refusal(hold_key, user_holds_key, state_key, now, max_active, admission)
  local _, existing = read_hold(hold_key)
  if existing then
    return {'HOLD_EXISTS', existing}
  end
  if admission and not ended_admissions_whole(admission.done) then
    return {'ENDED_ADMISSIONS_MISSING'}
  end
  if admission and admission_ended(admission.done, admission.visitor, admission.token_until) then
    return {'ADMISSION_ENDED'}
  end
  if not show_state_present(state_key) then
    return {'SHOW_STATE_MISSING'}
  end
  redis.call('ZREMRANGEBYSCORE', user_holds_key, '-inf', now)
  local active = redis.call('ZCARD', user_holds_key)
  if active >= tonumber(max_active) then
    return {'HOLD_LIMIT', tostring(active)}
  end
  return nil
end

-- No seat spinning: `b` = { person = key, address = key, refusals = key, person_limit, address_limit }
-- (redis-contract.ts: personBudgetKey). The live seats charged to a budget key.
local function budget_use(key, now)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  return redis.call('ZCARD', key)
end

-- SEAT_BUDGET when `extra` more live seats would pass the person's or the address's budget
-- (counted among the refusals); nil when they fit.
local function budget_refusal(b, now, extra)
  if extra <= 0 then
    return nil
  end
  for _, whose in ipairs({'person', 'address'}) do
    local limit = tonumber(b[whose .. '_limit'])
    if budget_use(b[whose], now) + extra > limit then
      local reason = string.upper(whose)
      redis.call('HINCRBY', b.refusals, 'SEAT_BUDGET_' .. reason, 1)
      return {'SEAT_BUDGET', reason, tostring(limit)}
    end
  end
  return nil
end

-- Charges (or re-dates) the hold's `seats` to both budgets until `deadline` (ms).
local function charge_budget(b, hold_id, seats, deadline, ttl)
  for _, key in ipairs({b.person, b.address}) do
    for _, seat in ipairs(seats) do
      redis.call('ZADD', key, deadline, hold_id .. '|' .. seat)
    end
    keep_at_least(key, ttl)
  end
end

-- The hold's `seats` no longer count against the budgets (released, or swapped away).
local function refund_budget(b, hold_id, seats)
  for _, key in ipairs({b.person, b.address}) do
    for _, seat in ipairs(seats) do
      redis.call('ZREM', key, hold_id .. '|' .. seat)
    end
  end
end

-- Locks `seats` for `owner` and writes the new hold: its record and its place among the user's
-- holds, each key kept alive at least the lock TTL.
local function write_hold(keys, owner, seats, hold_id, record, lock_ttl, record_ttl, expiry)
  for _, seat in ipairs(seats) do
    set_lock(keys.locks, seat, owner, expiry)
  end
  keep_at_least(keys.locks, lock_ttl)
  redis.call('SET', keys.hold, record, 'PX', record_ttl)
  redis.call('ZADD', keys.user_holds, expiry, hold_id)
  keep_at_least(keys.user_holds, lock_ttl)
end
