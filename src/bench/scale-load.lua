-- wrk script for src/bench/scale.py: every request as another user of the data set. SCALE_REQUESTS names a file
-- with one request per line, tab-separated: header name, header value, method, path, body ("" for none). Each
-- wrk thread starts at its own place in the file and takes the next line for each request; "{n}" in a body becomes
-- "<thread>-<request>". At the end it prints
-- one line "SCALE {"ok": n, "failed": n}": answers 2xx/3xx, and all others (the row counts after a write run are
-- compared with "ok").

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  for line in io.lines(os.getenv("SCALE_REQUESTS")) do
    local name, value, method, path, body = string.match(line, "^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    table.insert(lines, {name = name, value = value, method = method, path = path, body = body})
  end
  index = (tid - 1) * math.floor(#lines / 8)
  ok = 0
  failed = 0
end

function request()
  local r = lines[(index % #lines) + 1]
  index = index + 1
  local headers = {}
  headers[r.name] = r.value
  local body = nil
  if r.body ~= nil and r.body ~= "" then
    headers["Content-Type"] = "application/json"
    body = string.gsub(r.body, "{n}", tid .. "-" .. index) -- each write differs, so none is a repeat of another
  end
  return wrk.format(r.method, r.path, headers, body)
end

function response(status, headers, body)
  if status >= 200 and status < 400 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local o, f = 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    f = f + t:get("failed")
  end
  io.write(string.format('SCALE {"ok": %d, "failed": %d}\n', o, f))
end
