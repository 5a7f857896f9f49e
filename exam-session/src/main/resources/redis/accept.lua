-- Classifies a candidate's answers against the newest accepted sequence per question and, unless
-- one conflicts, records the new ones as accepted-but-not-yet-durable (commit time 0).
-- KEYS[1] session hash, KEYS[2] answers hash. ARGV: ttl, n, then n x (question, seq, sha256hex).
-- Answers hash values: "seq:sha256hex:commitMicros"; commitMicros 0 = not known durable yet.
local status = redis.call('HGET', KEYS[1], 'st')
if not status then return {'MISSING'} end
if status ~= 'ACTIVE' then return {'STATUS', status} end
local n = tonumber(ARGV[2])
local verdicts = {'OK'}
local conflict = false
for i = 0, n - 1 do
  local q, seq, h = ARGV[3 + 3 * i], tonumber(ARGV[4 + 3 * i]), ARGV[5 + 3 * i]
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
      redis.call('HSET', KEYS[2], ARGV[3 + 3 * i], ARGV[4 + 3 * i] .. ':' .. ARGV[5 + 3 * i] .. ':0')
    end
  end
  redis.call('EXPIRE', KEYS[2], ARGV[1])
end
return verdicts
