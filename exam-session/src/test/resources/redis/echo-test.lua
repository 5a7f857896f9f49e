-- Test script for PipelinedScriptTest: answers its key and argument, or an error if asked to.
if ARGV[1] == 'fail' then
  return redis.error_reply('ERR asked to fail')
end
return {KEYS[1], ARGV[1]}
