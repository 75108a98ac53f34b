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

-- True when the seat is sold, or its lock names someone other than `owner`.
local function taken_by_other(booked_key, seat, lock_key, owner)
  if redis.call('SISMEMBER', booked_key, seat) == 1 then
    return true
  end
  local current = redis.call('GET', lock_key)
  return current ~= false and current ~= owner
end

-- The HELD hold at `key` whose seats are still `expected` ("A1,A2", as the caller read them),
-- or nil and the refusal to return.
local function held_as_read(key, expected)
  local hold = read_hold(key)
  if not hold or hold.status == 'SETTLED' then
    return nil, {'HOLD_NOT_FOUND'}
  end
  if hold.status ~= 'HELD' then
    return nil, {'HOLD_NOT_CHANGEABLE', hold.status}
  end
  if table.concat(hold.seatIds, ',') ~= expected then
    return nil, {'HOLD_CHANGED'}
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

-- Keeps a user's active-holds set alive for at least `ms`.
local function keep_at_least(key, ms)
  redis.call('PEXPIRE', key, ms, 'GT')
  if redis.call('PTTL', key) < 0 then
    redis.call('PEXPIRE', key, ms)
  end
end
