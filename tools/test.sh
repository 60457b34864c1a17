#!/usr/bin/env bash
# The one command that runs every test: build once, the unit/scenario/end-to-end tests, then the
# knowledge base checks (validate, corpus with coverage, the contract examples).
# Ends with the totals on a line of their own: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared="$root/../shared"
log=$(mktemp)
pg_dir=""
trap 'rm -f "$log"; if [ -n "$pg_dir" ]; then ./tools/postgres.sh stop "$pg_dir"; fi' EXIT

# The audit and API tests run on SQLite and on a real PostgreSQL; without one they fail (never skip).
if [ -z "${CTORULES_TEST_POSTGRES:-}" ]; then
  if pg_env=$(./tools/postgres.sh start); then
    eval "$pg_env"; pg_dir=$CTORULES_PG_DIR; export CTORULES_TEST_POSTGRES
  else
    echo "warning: no PostgreSQL server could be started; the PostgreSQL tests will fail" >&2
  fi
fi

dotnet build CtoRules.sln -c Release -nologo -v quiet -warnaserror || { echo "0 passed, 1 failed"; exit 1; }

failed=0
passed=0

dotnet test CtoRules.sln -c Release --no-build -nologo 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
# Sum the per-project summaries: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12"
read -r p f s < <(awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { f+=$2; p+=$4; s+=$6 } END { print p+0, f+0, s+0 }' "$log")
passed=$((passed + p)); failed=$((failed + f))
if [ "$test_status" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
if [ "$s" -ne 0 ]; then echo "error: $s test(s) skipped; a skipped test is not a passing one"; failed=$((failed + s)); fi

cli="dotnet src/CtoRules.Cli/bin/Release/net10.0/ctorules.dll"
check() {
  local name=$1; shift
  echo "== $name: $*"
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}
check "rule set validates" $cli validate rules
check "corpus passes with full rule coverage" $cli test tests/corpus --coverage
check "corpus kills at least 90% of threshold/operator mutants" $cli test tests/corpus --mutations --min-score 90
check "traceability matrix is current and complete" $cli trace --check
check "NuGet packages work in a fresh app from a local feed" ./tools/package-test.sh
check "removing a shipped public member fails the build (RS0017)" ./tools/public-api-test.sh
check "the downstream sample switches to a new pack and refuses a tampered one" ./tools/sample-watch-test.sh
if [ -d "$shared/contract/examples" ]; then
  check "contract examples pass" $cli test "$shared/contract/examples"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
