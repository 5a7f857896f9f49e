-- Stops accepting saves for a session being submitted and fixes its submit time once: the first
-- caller's time wins, so concurrent or repeated submits all record the same instant.
-- KEYS[1] session hash. ARGV[1] submit time (epoch micros) proposed by this caller.
-- Returns {status before, submit time in force}.
local status = redis.call('HGET', KEYS[1], 'st')
if not status then return {'MISSING', ''} end
if status == 'ACTIVE' or status == 'PAUSED' then
  redis.call('HSET', KEYS[1], 'st', 'SUBMITTING', 'sat', ARGV[1])
  return {status, ARGV[1]}
end
return {status, redis.call('HGET', KEYS[1], 'sat') or ARGV[1]}
