-- Hall rows, best available and the orphan rule: prepended after prelude.lua. The same rules in
-- TypeScript, their reference: src/domain/best-seats.ts (test/unit/best-seats.test.ts and the
-- property test compare the two). Positions are 1-based here, 0-based there; scores agree.

-- `text` split on the plain character `sep`, keeping empty fields.
local function split_plain(text, sep)
  local parts, from = {}, 1
  while true do
    local at = string.find(text, sep, from, true)
    if not at then
      parts[#parts + 1] = string.sub(text, from)
      return parts
    end
    parts[#parts + 1] = string.sub(text, from, at - 1)
    from = at + 1
  end
end

-- A hall row as ARGV carries it (redis-contract.ts: hallRowArg): `<ordinal>|<dy>|A1,A2,,A3`,
-- an empty seat being an aisle or gap, dy the row's weighted distance from the best row.
local function parse_row(arg)
  local parts = split_plain(arg, '|')
  return { ordinal = tonumber(parts[1]), dy = tonumber(parts[2]), seats = split_plain(parts[3], ',') }
end

-- ARGV[from .. from+count-1] as rows.
local function rows_of(from, count)
  local rows = {}
  for i = from, from + count - 1 do
    rows[#rows + 1] = parse_row(ARGV[i])
  end
  return rows
end

-- free[p]: position p is a seat nobody else holds or bought (nil past either end).
-- `is_taken(seat)` says whether someone else has the seat.
local function free_positions(row, is_taken)
  local free = {}
  for p, seat in ipairs(row.seats) do
    free[p] = seat ~= '' and not is_taken(seat)
  end
  return free
end

-- One seat at a time (two commands a seat): for the few rows a manual pick touches.
local function taken_seat_by_seat(booked_key, locks_key, owner, now)
  return function(seat)
    return taken_by_other(booked_key, seat, locks_key, owner, now)
  end
end

-- The whole show read once (SMEMBERS + HGETALL, two commands whatever the hall's size): for best
-- available, which looks at every row. Seat by seat it was two commands a seat, ~2,000 per call
-- on a 1,000-seat hall, and the on-sale bench's ceiling (docs/BENCHMARKS.md: simulated on-sale).
local function taken_in_show(booked_key, locks_key, owner, now)
  local taken = {}
  for _, seat in ipairs(redis.call('SMEMBERS', booked_key)) do
    taken[seat] = true
  end
  local locks = redis.call('HGETALL', locks_key)
  for i = 1, #locks, 2 do
    local holder, deadline = parse_lock(locks[i + 1])
    if deadline > tonumber(now) and holder ~= owner then
      taken[locks[i]] = true
    end
  end
  return function(seat)
    return taken[seat] == true
  end
end

local function alone(state, p)
  return state[p] == true and not state[p - 1] and not state[p + 1]
end

-- The seats the `chosen` positions strand: free and alone after, not alone before.
local function stranded_by(row, free, chosen)
  local after = {}
  for p = 1, #row.seats do
    after[p] = free[p] and not chosen[p]
  end
  local out = {}
  for p = 1, #row.seats do
    if alone(after, p) and not alone(free, p) then out[#out + 1] = row.seats[p] end
  end
  return out
end

-- Whether some k free seats of the row strand none: a run of L free seats gives 0..L-2 or L.
local function can_avoid_stranding(free, count, k)
  local reach = { [0] = true }
  local run = 0
  for p = 1, count + 1 do
    if free[p] then
      run = run + 1
    elseif run > 0 then
      local next_reach = {}
      for s in pairs(reach) do
        for j = 0, run do
          if (j <= run - 2 or j == run or j == 0) and s + j <= k then next_reach[s + j] = true end
        end
      end
      reach = next_reach
      run = 0
    end
  end
  return reach[k] == true
end

-- The orphan rule on a manual pick: {'SEAT_STRANDED', seat} when the selection (`wanted`, a set of
-- seat ids, all free) strands a seat in a row where another as large would strand none.
local function orphan_refusal(rows, wanted, booked_key, locks_key, owner, now)
  for _, row in ipairs(rows) do
    local chosen, k = {}, 0
    for p, seat in ipairs(row.seats) do
      if wanted[seat] then
        chosen[p] = true
        k = k + 1
      end
    end
    if k > 0 then
      local free = free_positions(row, taken_seat_by_seat(booked_key, locks_key, owner, now))
      local stranded = stranded_by(row, free, chosen)
      if #stranded > 0 and can_avoid_stranding(free, #row.seats, k) then
        return {'SEAT_STRANDED', stranded[1]}
      end
    end
  end
  return nil
end

-- Distance of the block at positions start..start+n-1 from the best point (domain: blockScore).
local function block_score(row, start, n)
  local dx = 2 * start + n - 1 - (#row.seats + 1)
  return dx * dx + row.dy * row.dy
end

-- The best block of n seats in the row for each count of seats it strands (index 1..3 = 0..2).
local function best_blocks(row, free, n)
  local best = {}
  for start = 1, #row.seats - n + 1 do
    local fits = true
    for p = start, start + n - 1 do
      if not free[p] then
        fits = false
        break
      end
    end
    if fits then
      local strands = 1
      if free[start - 1] and not free[start - 2] then strands = strands + 1 end
      if free[start + n] and not free[start + n + 1] then strands = strands + 1 end
      local score = block_score(row, start, n)
      local current = best[strands]
      if not current or score < current.score then
        best[strands] = { row = row, start = start, n = n, score = score, strands = strands - 1 }
      end
    end
  end
  return best
end

local function block_seats(block, into)
  for p = block.start, block.start + block.n - 1 do
    into[#into + 1] = block.row.seats[p]
  end
  return into
end

-- Best available (domain: pickBestSeats): seat ids, or nil and {largest block, free seats}.
local function pick_best(rows, frees, n, allow_split)
  local single = {}
  for i, row in ipairs(rows) do
    local blocks = best_blocks(row, frees[i], n)
    for k = 1, 2 do
      local block = blocks[k]
      if block and (not single[k] or block.score < single[k].score) then single[k] = block end
    end
  end
  local one = single[1] or single[2]
  if one then return block_seats(one, {}) end
  if allow_split then
    local best
    for i = 1, #rows - 1 do
      if rows[i + 1].ordinal == rows[i].ordinal + 1 then
        for a = 1, n - 1 do
          local first = best_blocks(rows[i], frees[i], a)
          local second = best_blocks(rows[i + 1], frees[i + 1], n - a)
          for x = 1, 3 do
            for y = 1, 3 do
              local fx, sy = first[x], second[y]
              if fx and sy then
                local strands, score = fx.strands + sy.strands, fx.score + sy.score
                if not best or strands < best.strands or (strands == best.strands and score < best.score) then
                  best = { a = fx, b = sy, strands = strands, score = score }
                end
              end
            end
          end
        end
      end
    end
    if best then return block_seats(best.b, block_seats(best.a, {})) end
  end
  local largest, available = 0, 0
  for i, row in ipairs(rows) do
    local run = 0
    for p = 1, #row.seats do
      if frees[i][p] then
        run = run + 1
        available = available + 1
        if run > largest then largest = run end
      else
        run = 0
      end
    end
  end
  return nil, { tostring(largest), tostring(available) }
end
