-- Staff set an event's waiting room (or switch it off): its configuration as the queue scripts
-- read it. The line and the admitted shoppers stay (a changed rate applies from now on); switched
-- off, every key of the event goes. One round trip.
-- KEYS as queue-poll.lua. ARGV[1] opens at (ms; '' switches the event off), ARGV[2] admissions a
-- second, ARGV[3] most shoppers at once, ARGV[4] admission window (ms), ARGV[5] key lifetime (ms).
if ARGV[1] == '' then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
  return {'CONFIGURED'}
end
redis.call('HSET', KEYS[1], 'opensAtMs', ARGV[1], 'perSecond', ARGV[2], 'maxActive', ARGV[3], 'windowMs', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {'CONFIGURED'}
