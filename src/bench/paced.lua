-- wrk script for src/bench/bench.sh's second table: each connection is a person who reads an answer before
-- asking again. After every answer the connection waits THINK_MS (default 1000) milliseconds, drawn evenly
-- between half and one and a half times that so the connections do not fall into step. Without it wrk asks
-- again the moment an answer arrives, which measures the service's most requests a second, not how quickly it
-- answers people.
local think = tonumber(os.getenv("THINK_MS") or "1000")

function delay()
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end
