-- wrk script for tools/http-bench.sh: POSTs generated case@1 documents to /api/evaluate in turn,
-- paced by a per-connection delay (Debian's wrk has no constant-rate mode), and prints one JSON
-- line with p50, p99 (ms), requests per second and errors.
local cases = {}
local next_case = 1
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
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
  return delay_ms
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
