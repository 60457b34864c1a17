-- wrk script for tools/http-bench.sh: POSTs generated case@1 documents to /api/evaluate in turn,
-- paced to a request rate (Debian's wrk has no constant-rate mode), and prints one JSON line with
-- p50, p90, p99 (ms), requests per second and errors.
--
-- Pacing: PACE_RATE req/s over PACE_THREADS wrk threads (give wrk's -t). Each thread keeps a
-- schedule of send slots PACE_THREADS / PACE_RATE seconds apart, and delay() (asked when a connection has its answer) waits until the next free
-- slot. So the rate does not depend on the latency, as a fixed per-connection delay did (10
-- connections x (18 ms + latency) gave 350-470 req/s for a target of 500). A slot already past is
-- taken at once but never caught up in a burst: when the host is slower than the rate the
-- achieved req/s falls short and says so. PACE_RATE unset: DELAY_MS per answer, 0 = flat out.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local cases = {}
local next_case = 1
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local rate = tonumber(os.getenv("PACE_RATE") or "0")
local threads = tonumber(os.getenv("PACE_THREADS") or "1")
local slot_ms = rate > 0 and threads * 1000 / rate or nil
local next_slot = nil
-- AUDIT=1 in http-bench.sh: the audited API v1 endpoint with a key.
local endpoint = os.getenv("ENDPOINT") or "/api/evaluate"
local api_key = os.getenv("API_KEY")

function init(args)
  for line in io.lines(os.getenv("CASES")) do
    if #line > 0 then cases[#cases + 1] = line end
  end
  -- Threads start at different cases so that they do not send the same sequence.
  next_case = (math.random(#cases))
end

function request()
  local body = cases[next_case]
  next_case = next_case % #cases + 1
  local headers = { ["Content-Type"] = "application/json" }
  if api_key and #api_key > 0 then headers["X-Api-Key"] = api_key end
  return wrk.format("POST", endpoint, headers, body)
end

function delay()
  if slot_ms == nil then return delay_ms end
  local now = now_ms()
  next_slot = next_slot and math.max(next_slot + slot_ms, now) or now
  return math.floor(next_slot - now)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.1f, "reqPerSec": %.1f, "p50Ms": %.3f, "p90Ms": %.3f, "p99Ms": %.3f, "maxMs": %.3f, "errors": %d, "non2xx": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status))
end
