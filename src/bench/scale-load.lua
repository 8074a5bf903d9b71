-- wrk script for src/bench/scale.py: every request as another user of the data set. SCALE_REQUESTS names a file
-- with one request per line, tab-separated: header name, header value, method, path, body ("" for none). Each
-- wrk thread starts at its own place in the file and takes the next line for each request; "{n}" in a body becomes
-- "<thread>-<request>". At the end it prints
-- one line "SCALE {"ok": n, "failed": n, "statuses": {"409": n, ...}, "firstFailure": "..."}": answers 2xx/3xx, all
-- others, the count of each failed status, and the start of the first failed answer's body (the row counts after a
-- write run are compared with "ok"; wrk's socket errors and timeouts are in its own summary).

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
  statuses = {}
  firstFailure = ""
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
  if status >= 200 and status < 400 then
    ok = ok + 1
  else
    failed = failed + 1
    statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
    if firstFailure == "" then firstFailure = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local o, f, counts, first = 0, 0, {}, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    f = f + t:get("failed")
    for status, n in pairs(t:get("statuses")) do counts[status] = (counts[status] or 0) + n end
    if first == "" then first = t:get("firstFailure") end
  end
  local parts = {}
  for status, n in pairs(counts) do table.insert(parts, string.format('"%s": %d', status, n)) end
  first = string.gsub(string.gsub(first, '\\', '\\\\'), '"', '\\"')
  first = string.gsub(first, "[%c]", " ")
  io.write(string.format('SCALE {"ok": %d, "failed": %d, "statuses": {%s}, "firstFailure": "%s"}\n', o, f,
    table.concat(parts, ", "), first))
end
