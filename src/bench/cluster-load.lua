-- wrk script for src/bench/cluster.sh: one kind of request per run, and every answer written down so the
-- script can count what was acknowledged and when the errors were.
--   LOAD_OUT     file prefix; each wrk thread writes LOAD_OUT-<thread>.txt, one line per answer:
--                "<unix second> <status> <n> <value>", n = the request's number in its thread, value = the
--                number named by LOAD_CAPTURE in the answer (e.g. the new post's id), or "-"
--   LOAD_METHOD  GET, POST or PUT;  LOAD_PATH  the path;  LOAD_AUTH  the Authorization or Cookie header line
--   LOAD_BODY    JSON body with %s for "<thread>-<n>" (written into the data, so rows can be told apart)
--   LOAD_CAPTURE a JSON field name whose first number in the answer is recorded (e.g. id, revision)
--   LOAD_DELAY_MS pause before each request on a connection (keeps the load steady and below saturation)
-- A failed answer's (400 and up) headers and body also go to LOAD_OUT-<thread>-errors.log, to tell what it was.
-- With one connection per thread (-c equal to -t) requests and answers pair up one to one, so n is exact.

local counter = 0
local threads = 0
local out
local errors

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  out = assert(io.open(os.getenv("LOAD_OUT") .. "-" .. tid .. ".txt", "w"))
  out:setvbuf("line")
  errors = assert(io.open(os.getenv("LOAD_OUT") .. "-" .. tid .. "-errors.log", "w"))
  method = os.getenv("LOAD_METHOD") or "GET"
  path = os.getenv("LOAD_PATH")
  template = os.getenv("LOAD_BODY")
  if template == "" then template = nil end
  capture = os.getenv("LOAD_CAPTURE")
  if capture == "" then capture = nil end
  pause = tonumber(os.getenv("LOAD_DELAY_MS") or "0")
  local name, value = string.match(os.getenv("LOAD_AUTH") or "", "^([^:]+):%s*(.*)$")
  headers = {}
  if template then headers["Content-Type"] = "application/json" end
  if name then headers[name] = value end
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  local body = nil
  if template then body = string.format(template, tid .. "-" .. counter) end
  return wrk.format(method, path, headers, body)
end

function response(status, headers, body)
  local value = "-"
  if capture and status < 300 and body then
    value = string.match(body, '"' .. capture .. '"%s*:%s*(%d+)') or "-"
  end
  out:write(os.time(), " ", status, " ", counter, " ", value, "\n")
  if status >= 400 then
    errors:write("== ", os.time(), " ", status, " ", counter, "\n")
    for k, v in pairs(headers) do errors:write(k, ": ", v, "\n") end
    errors:write("\n", string.sub(body or "", 1, 4000), "\n")
    errors:flush()
  end
end
