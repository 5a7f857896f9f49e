-- Adds one commit's first-time answers to an exam's answered counters, but only to counters that
-- were seeded from Spanner: after Redis lost them, counting from zero would be wrong for the rest
-- of the exam. A commit the seed's snapshot already holds is not added again. While a pod is
-- seeding (the claim exists), the commit is kept aside with its timestamp for the seed to add.
-- KEYS[1] counters hash (field '~seeded' = the seed's Spanner read time, micros), KEYS[2] the
-- seeding claim, KEYS[3] commits kept aside. ARGV: commitMicros, then n x (question, count).
local seeded = redis.call('HGET', KEYS[1], '~seeded')
if seeded then
  if tonumber(ARGV[1]) <= tonumber(seeded) then return 0 end
  for i = 2, #ARGV, 2 do
    redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
  end
  return 1
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  for i = 2, #ARGV, 2 do
    redis.call('HINCRBY', KEYS[3], ARGV[1] .. ':' .. ARGV[i], ARGV[i + 1])
  end
  redis.call('PEXPIRE', KEYS[3], redis.call('PTTL', KEYS[2]))
  return 2
end
return 0
