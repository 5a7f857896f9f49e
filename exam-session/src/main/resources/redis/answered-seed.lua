-- Seeds an exam's answered counters from a Spanner snapshot, plus the commits kept aside since the
-- claim that the snapshot does not hold (committed after its read time). Only the holder of the
-- claim seeds, and only counters not seeded yet; an expired or lost claim means commits may have
-- gone uncounted, so it does nothing. Returns the counters (flat field/value list), or nil.
-- KEYS as answered-add.lua. ARGV: claim token, readMicros, then n x (question, count).
if redis.call('HEXISTS', KEYS[1], '~seeded') == 1 then return nil end
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return nil end
redis.call('DEL', KEYS[1])
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
local aside = redis.call('HGETALL', KEYS[3])
for i = 1, #aside, 2 do
  local at, q = string.match(aside[i], '^(%d+):(.*)$')
  if tonumber(at) > tonumber(ARGV[2]) then
    redis.call('HINCRBY', KEYS[1], q, aside[i + 1])
  end
end
redis.call('HSET', KEYS[1], '~seeded', ARGV[2])
redis.call('DEL', KEYS[2], KEYS[3])
return redis.call('HGETALL', KEYS[1])
