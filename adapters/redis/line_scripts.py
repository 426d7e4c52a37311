"""Lua for RedisCreateLine: each step of the line and the budget is one atomic script.

KEYS (always the same seven, in this order):
  1 line   zset  every waiting create; score = fair tag, member = "<seq:12>:<generation>:<slot>" (ties: first come)
  2 gens   hash  generation -> "<seq>:<slots>:<entered ms>"
  3 finish hash  account -> one past its latest tag (round-robin by account)
  4 state  hash  vtime, seq, next_free, last_grant, interval, latency (times in ms)
  5 log    zset  grant times of the last window (member unique per grant)
  6 ready  zset  creates whose waiter is waiting now; same score and member as in `line`
  7 owner  hash  member -> the process waiting for it, or '!' once granted (until created or left)
ARGV[1] is always the key prefix (for the per-process `alive:<owner>` keys) and ARGV[2] the time in ms
('' = the Redis server's clock, one clock for every process).
"""

_NOW = """
local prefix = ARGV[1]
local now
if ARGV[2] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[2])
end
local function member(seq, gen, slot)
  return string.format('%012d:%s:%d', seq, gen, slot)
end
local function num(field, default)
  return tonumber(redis.call('HGET', KEYS[4], field) or default)
end
local function gen_info(gen)
  local info = redis.call('HGET', KEYS[2], gen)
  if not info then
    return nil
  end
  local a = string.find(info, ':')
  local b = string.find(info, ':', a + 1)
  local seq, slots = tonumber(string.sub(info, 1, a - 1)), tonumber(string.sub(info, a + 1, b - 1))
  return seq, slots, tonumber(string.sub(info, b + 1))
end
local function add(gen, account, slot, seq)
  local tag = math.max(num('vtime', 0), tonumber(redis.call('HGET', KEYS[3], account) or '0'))
  redis.call('HSET', KEYS[3], account, tag + 1)
  redis.call('ZADD', KEYS[1], tag, member(seq, gen, slot))
  return tag
end
"""

# ARGV: prefix, now, generation, account, slots
ENTER = (
    _NOW
    + """
local gen, account, slots = ARGV[3], ARGV[4], tonumber(ARGV[5])
if redis.call('HEXISTS', KEYS[2], gen) == 1 then
  return 0
end
local seq = redis.call('HINCRBY', KEYS[4], 'seq', 1)
for slot = 0, slots - 1 do
  add(gen, account, slot, seq)
end
redis.call('HSET', KEYS[2], gen, seq .. ':' .. slots .. ':' .. now)
return 1
"""
)

# ARGV: prefix, now, generation, account, slot, owner, alive_ttl_ms -> the member, now waiting
READY = (
    _NOW
    + """
local gen, account, slot, owner = ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
redis.call('SET', prefix .. 'alive:' .. owner, '1', 'PX', tonumber(ARGV[7]))
local seq, slots, entered = gen_info(gen)
if not seq then
  seq, slots, entered = redis.call('HINCRBY', KEYS[4], 'seq', 1), 0, now
end
if slot + 1 > slots then
  redis.call('HSET', KEYS[2], gen, seq .. ':' .. (slot + 1) .. ':' .. entered)
end
local m = member(seq, gen, slot)
local tag = redis.call('ZSCORE', KEYS[1], m)
if not tag then
  tag = add(gen, account, slot, seq)
end
redis.call('ZADD', KEYS[6], tag, m)
redis.call('HSET', KEYS[7], m, owner)
return m
"""
)

# ARGV: prefix, now, member, owner -> the waiter stopped waiting (cancelled, deadline)
UNREADY = """
if redis.call('HGET', KEYS[7], ARGV[3]) == ARGV[4] then
  redis.call('ZREM', KEYS[6], ARGV[3])
  redis.call('HDEL', KEYS[7], ARGV[3])
end
return 1
"""

# ARGV: prefix, now, owner, limit, window_ms, interval_ms, alive_ttl_ms, scan, grace_ms
# -> {'granted', member} | {'wait', ms} | {'other', ms} | {'empty', 0}
GRANT = (
    _NOW
    + """
local owner, limit, window, interval = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('SET', prefix .. 'alive:' .. owner, '1', 'PX', tonumber(ARGV[7]))
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now - window)
local wait = num('next_free', 0) - now
if limit > 0 and redis.call('ZCARD', KEYS[5]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[5], 0, 0, 'WITHSCORES')
  wait = math.max(wait, tonumber(oldest[2]) + window - now)
end
if wait > 0 then
  return {'wait', math.ceil(wait)}
end
local function grant(m, tag)
  redis.call('ZREM', KEYS[6], m)
  redis.call('HSET', KEYS[7], m, '!')
  redis.call('ZADD', KEYS[5], now, now .. ':' .. m)
  redis.call('PEXPIRE', KEYS[5], window)
  redis.call('HSET', KEYS[4], 'next_free', now + interval)
  local last = num('last_grant', -1)
  local measured = num('interval', interval)
  if last >= 0 and now - last < 4 * math.max(interval, 1) then
    measured = measured + 0.2 * (now - last - measured)
  end
  redis.call('HSET', KEYS[4], 'interval', measured, 'last_grant', now)
  if tag > num('vtime', 0) then
    redis.call('HSET', KEYS[4], 'vtime', tag)
  end
  return {'granted', m}
end
-- 1 if `who` waits for it and is mine, 0 if someone alive waits, -1 if nobody (alive) waits
local function waiter(m, who)
  if who == owner then
    return 1
  end
  if who and who ~= '!' and redis.call('EXISTS', prefix .. 'alive:' .. who) == 1 then
    return 0
  end
  if who and who ~= '!' then
    redis.call('ZREM', KEYS[6], m)
    redis.call('HDEL', KEYS[7], m)
  end
  return -1
end
-- First in line goes first. A create not waited for yet (its job is on its way to a worker) is waited for
-- during `grace` ms after it joined; later (no worker free, or its worker died) it is passed over.
local head = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[8]) - 1, 'WITHSCORES')
for i = 1, #head, 2 do
  local m, tag = head[i], tonumber(head[i + 1])
  local who = redis.call('HGET', KEYS[7], m)
  if who ~= '!' then
    local state = waiter(m, who)
    if state == 1 then
      return grant(m, tag)
    elseif state == 0 then
      return {'other', interval}
    end
    local gen = string.match(m, '^%d+:(.*):%d+$')
    local _, _, entered = gen_info(gen)
    if entered and now - entered < tonumber(ARGV[9]) then
      return {'other', 20}
    end
  end
end
for _ = 1, 100 do
  local first = redis.call('ZRANGE', KEYS[6], 0, 0, 'WITHSCORES')
  if not first[1] then
    return {'empty', 0}
  end
  local state = waiter(first[1], redis.call('HGET', KEYS[7], first[1]))
  if state == 1 then
    return grant(first[1], tonumber(first[2]))
  elseif state == 0 then
    return {'other', interval}
  end
end
return {'other', interval}
"""
)

_SLOTS = """
local function members(gen)
  local seq, slots = gen_info(gen)
  if not seq then
    return {}
  end
  local out = {}
  for slot = 0, slots - 1 do
    out[#out + 1] = string.format('%012d:%s:%d', seq, gen, slot)
  end
  return out
end
"""

# ARGV: prefix, now, generation, default interval ms, default latency ms -> {ahead, through, interval, latency}
PLACE = (
    _NOW
    + _SLOTS
    + """
local first, last
for _, m in ipairs(members(ARGV[3])) do
  local rank = redis.call('ZRANK', KEYS[1], m)
  if rank then
    if not first or rank < first then first = rank end
    if not last or rank > last then last = rank end
  end
end
if not first then
  return false
end
return {first, last + 1, tostring(num('interval', ARGV[4])), tostring(num('latency', ARGV[5]))}
"""
)

# ARGV: prefix, now, account, slots, default interval ms, default latency ms -> {ahead, through, interval, latency}
PREVIEW = (
    _NOW
    + """
local slots = math.max(tonumber(ARGV[4]), 1)
local first = math.max(num('vtime', 0), tonumber(redis.call('HGET', KEYS[3], ARGV[3]) or '0'))
local ahead = redis.call('ZCOUNT', KEYS[1], '-inf', first)
local through = redis.call('ZCOUNT', KEYS[1], '-inf', first + slots - 1) + slots
return {ahead, through, tostring(num('interval', ARGV[5])), tostring(num('latency', ARGV[6]))}
"""
)

# ARGV: prefix, now, generation, slot ('' = every slot: the generation leaves the line)
LEAVE = (
    _NOW
    + _SLOTS
    + """
for _, m in ipairs(members(ARGV[3])) do
  if ARGV[4] == '' or string.sub(m, -string.len(':' .. ARGV[4])) == ':' .. ARGV[4] then
    redis.call('ZREM', KEYS[1], m)
    redis.call('ZREM', KEYS[6], m)
    redis.call('HDEL', KEYS[7], m)
  end
end
if ARGV[4] == '' then
  redis.call('HDEL', KEYS[2], ARGV[3])
end
return 1
"""
)

# ARGV: prefix, now, ms -> grant nothing for `ms`
SLOW_DOWN = (
    _NOW
    + """
local until_ms = now + tonumber(ARGV[3])
if until_ms > num('next_free', 0) then
  redis.call('HSET', KEYS[4], 'next_free', until_ms)
end
return 1
"""
)

# ARGV: prefix, now, observed ms, default latency ms
LATENCY = (
    _NOW
    + """
local latency = num('latency', ARGV[4])
redis.call('HSET', KEYS[4], 'latency', latency + 0.2 * (tonumber(ARGV[3]) - latency))
return 1
"""
)
