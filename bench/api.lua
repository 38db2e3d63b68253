-- wrk script for bench/api.sh: GET requests against `lienthong serve` with a reader key and a stated purpose.
-- Usage: wrk -s bench/api.lua URL -- MODE FILE TOKEN
--   MODE person: GET /v1/persons/{id}, ids one a line in FILE
--   MODE search: GET /v1/persons/search?name={name}, URL-encoded folded names one a line in FILE
--   MODE feed:   GET /v1/feed?after={random in 0…N}&limit=1000, FILE holds N (the highest cursor giving a full page)
-- Each wrk thread starts at a different place in the list. done() prints one machine-readable line (BENCH …).
local mode, items, count, next_index, max_after

function init(args)
  mode = args[1]
  wrk.headers["Authorization"] = "Bearer " .. args[3]
  wrk.headers["X-Purpose"] = "bench"
  items = {}
  for line in io.lines(args[2]) do
    if line ~= "" then items[#items + 1] = line end
  end
  count = #items
  if mode == "feed" then max_after = tonumber(items[1]) end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
  next_index = math.random(count)
end

function request()
  local path
  if mode == "person" then
    path = "/v1/persons/" .. items[next_index]
  elseif mode == "search" then
    path = "/v1/persons/search?name=" .. items[next_index]
  else
    path = "/v1/feed?after=" .. math.random(0, max_after) .. "&limit=1000"
  end
  next_index = next_index % count + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
