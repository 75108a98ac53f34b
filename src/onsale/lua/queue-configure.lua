-- Staff set an event's waiting room (or switch it off): its configuration as the queue scripts
-- read it. The line and the admitted shoppers stay (a changed rate applies from now on); switched
-- off, every key of the event goes. One round trip.
-- KEYS as queue-poll.lua. ARGV[1] opens at (ms; '' switches the event off), ARGV[2] admissions a
-- second, ARGV[3] most shoppers at once, ARGV[4] admission window (ms), ARGV[5] key lifetime (ms),
-- ARGV[6] '1' for a new event: no admission of it has ended, so its done set is whole (empty) as
-- it stands. Otherwise (Redis lost the configuration) the done set is left for the hold scripts
-- to find lost and put back from Postgres.
if ARGV[1] == '' then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
  return {'CONFIGURED'}
end
redis.call('HSET', KEYS[1], 'opensAtMs', ARGV[1], 'perSecond', ARGV[2], 'maxActive', ARGV[3], 'windowMs', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
if ARGV[6] == '1' then
  redis.call('ZADD', KEYS[5], '+inf', DONE_WHOLE_MEMBER)
  keep_at_least(KEYS[5], tonumber(ARGV[5]))
end
return {'CONFIGURED'}
