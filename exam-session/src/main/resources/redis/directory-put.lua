-- Caches a login directory entry. KEYS[1] entry. ARGV: ttl, the Spanner read timestamp (micros)
-- the entry was read at, then field/value pairs.
-- An entry already there is kept. An import leaves a tombstone instead of the entry: 'pending'
-- while its transaction runs, then its commit timestamp. Only a read made after that commit may
-- replace the tombstone, so a read that began before the import cannot put the old access-code
-- hash back.
if redis.call('EXISTS', KEYS[1]) == 1 then
  local tombstone = redis.call('HGET', KEYS[1], 'tombstone')
  if not tombstone or tombstone == 'pending' or tonumber(ARGV[2]) <= tonumber(tombstone) then
    return 0
  end
  redis.call('DEL', KEYS[1])
end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
