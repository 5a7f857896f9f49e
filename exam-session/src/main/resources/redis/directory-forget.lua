-- Replaces a login directory entry with a tombstone (see directory-put.lua), in one step: the
-- entry, the tombstone and its expiry never exist apart (a tombstone left without an expiry would
-- keep the roll number out of the cache for good). KEYS[1] entry. ARGV: tombstone ('pending' or
-- the import's commit timestamp, micros), ttl (seconds).
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'tombstone', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
