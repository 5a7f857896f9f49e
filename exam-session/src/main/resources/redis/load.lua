-- Rebuilds a session's hot state from Spanner (after Redis lost it), unless another request
-- already did. KEYS[1] session hash, KEYS[2] answers hash.
-- ARGV: ttl, field count f, f x (field, value), then n x (question, seq, sha256hex, commitMicros).
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local f = tonumber(ARGV[2])
for i = 0, f - 1 do
  redis.call('HSET', KEYS[1], ARGV[3 + 2 * i], ARGV[4 + 2 * i])
end
local base = 3 + 2 * f
local i = base
while i + 3 <= #ARGV do
  local q, seq = ARGV[i], tonumber(ARGV[i + 1])
  local current = redis.call('HGET', KEYS[2], q)
  local cseq = current and tonumber(string.match(current, '^(%d+):')) or -1
  if seq > cseq then
    redis.call('HSET', KEYS[2], q, ARGV[i + 1] .. ':' .. ARGV[i + 2] .. ':' .. ARGV[i + 3])
  end
  redis.call('HSET', KEYS[2], 'd:' .. q, '1')
  i = i + 4
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[1])
return 1
