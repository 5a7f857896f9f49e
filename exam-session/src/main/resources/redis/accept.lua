-- Checks the session still accepts answers, classifies a candidate's answers against the newest
-- accepted sequence per question and, unless one conflicts, records the new ones as
-- accepted-but-not-yet-durable (commit time 0). One round trip for the whole save.
-- KEYS[1] session hash, KEYS[2] answers hash.
-- ARGV: ttl, n, overrun, then n x (question, seq, sha256hex).
-- overrun: microseconds between "release + duration + grace" and now, computed by the caller
-- (SessionRules owns the deadline formula); the session accepts while its own extra times
-- (xt + sx + ps, in seconds) cover it. A refusal returns the session's fields, so the caller
-- can word the exact error without another read.
-- Answers hash values: "seq:sha256hex:commitMicros"; commitMicros 0 = not known durable yet.
local session = redis.call('HMGET', KEYS[1], 'st', 'xt', 'sx', 'ps')
if not session[1] then return {'MISSING'} end
local allowance = (tonumber(session[2]) + tonumber(session[3]) + tonumber(session[4])) * 1000000
if session[1] ~= 'ACTIVE' or tonumber(ARGV[3]) > allowance then
  local reply = redis.call('HGETALL', KEYS[1])
  table.insert(reply, 1, 'BLOCKED')
  return reply
end
local n = tonumber(ARGV[2])
local verdicts = {'OK'}
local conflict = false
for i = 0, n - 1 do
  local q, seq, h = ARGV[4 + 3 * i], tonumber(ARGV[5 + 3 * i]), ARGV[6 + 3 * i]
  local current = redis.call('HGET', KEYS[2], q)
  local verdict = 'NEW'
  if current then
    local cseq, chash, cts = string.match(current, '^(%d+):(%x+):(%d+)$')
    cseq = tonumber(cseq)
    if seq == cseq then
      if h ~= chash then
        verdict = 'CONFLICT'
        conflict = true
      elseif cts ~= '0' then
        verdict = 'ALREADY_SAVED:' .. cts
      else
        verdict = 'RETRY'
      end
    elseif seq < cseq then
      verdict = 'OLDER'
    end
  end
  verdicts[#verdicts + 1] = verdict
end
if not conflict then
  for i = 0, n - 1 do
    if verdicts[i + 2] == 'NEW' then
      redis.call('HSET', KEYS[2], ARGV[4 + 3 * i], ARGV[5 + 3 * i] .. ':' .. ARGV[6 + 3 * i] .. ':0')
    end
  end
  redis.call('EXPIRE', KEYS[2], ARGV[1])
end
return verdicts
