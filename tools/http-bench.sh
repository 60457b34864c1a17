#!/usr/bin/env bash
# HTTP benchmark of POST /api/evaluate with wrk, on loopback only (docs/performance.md).
#
#   tools/http-bench.sh                 # 30 s paced at about 500 req/s, then 10 s flat out
#   RATE=300 DURATION=60 tools/http-bench.sh
#   AUDIT=1 tools/http-bench.sh         # POST /api/v1/evaluate with an API key: each request appends an
#                                       # audit record (fresh SQLite database; docs/audit.md)
#
# Debian's wrk has no constant-rate mode (that is wrk2): the Lua script paces each wrk thread by a
# schedule of send slots (RATE / THREADS per second each), whatever the latency, over CONNECTIONS
# connections (the achieved req/s is printed, not assumed). Each result is one JSON line: p50/p99 in ms.
# As issue 14 asks, wrk runs on core 0 and the host on core 1 (taskset), so the load generator does
# not take the host's CPU; PIN=0 turns that off (one-core machines).
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-500}
DURATION=${DURATION:-30}
MAX_DURATION=${MAX_DURATION:-10}
CONNECTIONS=${CONNECTIONS:-10}
THREADS=${THREADS:-2}
PORT=${PORT:-5090}
CASES_N=${CASES_N:-1000}
url="http://127.0.0.1:$PORT"

PIN=${PIN:-1}
for tool in wrk taskset curl; do
  command -v "$tool" >/dev/null 2>&1 && continue
  echo "installing $tool (Debian packages wrk, util-linux, curl)" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk util-linux curl >/dev/null
done
if [ "$PIN" = 1 ] && [ "$(nproc)" -lt 2 ]; then echo "pinning needs two cores (wrk on core 0, the host on core 1); give PIN=0" >&2; exit 1; fi
# Arrays, not a function: a backgrounded function would be a subshell whose pid is not the host's.
core0=(); core1=()
if [ "$PIN" = 1 ]; then core0=(taskset -c 0); core1=(taskset -c 1); fi
if curl -fs "$url/health" >/dev/null 2>&1; then echo "port $PORT is in use; give PORT=..." >&2; exit 1; fi

dotnet build src/CtoRules.Web -c Release -nologo -v quiet >&2
dotnet build tools/CtoRules.Benchmarks -c Release -nologo -v quiet >&2

work=$(mktemp -d)
host_pid=""
cleanup() {
  if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet tools/CtoRules.Benchmarks/bin/Release/net10.0/ctorules-bench.dll generate --cases "$CASES_N" --seed 7 > "$work/cases.jsonl"

export ENDPOINT=/api/evaluate API_KEY=""
if [ "${AUDIT:-0}" = 1 ]; then
  dotnet build src/CtoRules.Cli -c Release -nologo -v quiet >&2
  API_KEY=$(dotnet src/CtoRules.Cli/bin/Release/net10.0/ctorules.dll apikey create --name bench --scope evaluate --data "$work/data" | tail -n 1)
  ENDPOINT=/api/v1/evaluate
fi
"${core1[@]}" dotnet src/CtoRules.Web/bin/Release/net10.0/CtoRules.Web.dll --urls "$url" --rules rules --data "$work/data" \
  --Api:RateLimit:PermitLimit 100000000 > "$work/host.log" 2>&1 &
host_pid=$!
# Up to 60 s: a loaded shared machine can take that long to start the host.
for _ in $(seq 1 300); do
  curl -fs "$url/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$url/health" >/dev/null || { echo "the host did not start:" >&2; cat "$work/host.log" >&2; exit 1; }

export CASES="$work/cases.jsonl"

echo "warm-up: 5 s flat out" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
DELAY_MS=0 "${core0[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s tools/http-bench.lua "$url" > /dev/null

echo "paced: ${DURATION} s, $CONNECTIONS connections, $THREADS wrk threads sending on a schedule of $RATE req/s" >&2
paced=$(PACE_RATE=$RATE PACE_THREADS=$THREADS "${core0[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s tools/http-bench.lua "$url" | tail -n 1)

echo "flat out: ${MAX_DURATION} s, $CONNECTIONS connections, no delay" >&2
max=$(DELAY_MS=0 "${core0[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MAX_DURATION}s" --timeout 5s -s tools/http-bench.lua "$url" | tail -n 1)

[ "${AUDIT:-0}" = 1 ] && echo "audit records appended: $(sqlite3 "$work/data/ctorules.db" 'SELECT COUNT(*) FROM AuditRecords' 2>/dev/null || echo '?')" >&2
printf '{"endpoint": "%s", "audit": %s, "pinned": %s, "targetReqPerSec": %s, "connections": %s, "threads": %s, "pacing": "schedule", "loadAverageBefore": "%s", "loadAverageAfter": "%s", "paced": %s, "flatOut": %s}\n' \
  "$ENDPOINT" "$([ "${AUDIT:-0}" = 1 ] && echo true || echo false)" "$([ "$PIN" = 1 ] && echo true || echo false)" "$RATE" "$CONNECTIONS" "$THREADS" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$paced" "$max"
