-- Records that answers are durable in Spanner, never moving a question back to an older
-- sequence. Returns the questions that became durable for the first time in this session (their
-- exam-wide answered counters go up by one).
-- KEYS[1] answers hash. ARGV: ttl, n, then n x (question, seq, sha256hex, commitMicros).
local n = tonumber(ARGV[2])
local first = {}
for i = 0, n - 1 do
  local q, seq, h, ts = ARGV[3 + 4 * i], tonumber(ARGV[4 + 4 * i]), ARGV[5 + 4 * i], ARGV[6 + 4 * i]
  local current = redis.call('HGET', KEYS[1], q)
  local cseq = current and tonumber(string.match(current, '^(%d+):')) or -1
  if seq >= cseq then
    redis.call('HSET', KEYS[1], q, seq .. ':' .. h .. ':' .. ts)
  end
  if redis.call('HSETNX', KEYS[1], 'd:' .. q, '1') == 1 then
    first[#first + 1] = q
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return first
