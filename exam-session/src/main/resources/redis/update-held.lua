-- Writes fields into a session Redis still holds, and renews its expiry. KEYS[1] session hash.
-- ARGV: ttl (seconds), then field/value pairs. A session Redis lost (a flush, a failover) is left
-- missing: its next request loads it whole from Spanner, where the change is already committed.
-- Written alone, these fields would pass for the whole session (no answers, so every sequence
-- "new"), and without the deadline fields every save would fail in accept.lua.
-- Returns 1 if written, 0 if the session was missing.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
