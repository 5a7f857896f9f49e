-- One wrong login for a roll number. KEYS[1] its failure counter, ARGV[1] the window in seconds.
-- Counts the failure and makes sure the counter expires, in one step: a counter left without an
-- expiry (a pod gone between two separate commands) would lock the roll number out for good.
-- The window runs from the first failure. Returns the count.
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
