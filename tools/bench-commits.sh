#!/usr/bin/env bash
# Before/after of the engine optimisations: builds the benchmark tool of the current tree against
# the engine sources (src/CtoRules.Engine) of each given commit, in a temporary worktree, and runs
# the same CtoRules-only measurement on each. Prints one line per commit.
#
#   tools/bench-commits.sh COMMIT...        e.g. tools/bench-commits.sh cfb043c 2aa0174 HEAD
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
CASES=${CASES:-4000}
tree=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"' EXIT
git worktree add --detach "$tree" HEAD >/dev/null 2>&1
# The benchmark harness is the current one; only the engine changes between runs.
rm -rf "$tree/tools" && cp -r "$root/tools" "$tree/tools" && rm -rf "$tree"/tools/*/bin "$tree"/tools/*/obj
for commit in "$@"; do
  rm -rf "$tree/src/CtoRules.Engine"
  git -C "$root" archive "$commit" src/CtoRules.Engine | tar -x -C "$tree"
  dotnet build "$tree/tools/CtoRules.Benchmarks" -c Release -nologo -v quiet >/dev/null
  for run in 1 2 3; do
    line=$(dotnet "$tree/tools/CtoRules.Benchmarks/bin/Release/net10.0/ctorules-bench.dll" bench --no-baselines --threads 1 \
      --cases "$CASES" --stream-cases 0 --rules "$root/rules" --format json 2>/dev/null |
      python3 -c 'import json,sys; r=json.load(sys.stdin); print(" ".join(k+"="+str(r[k]) for k in ["compileColdMs","compileWarmMs","p50Us","p99Us","casesPerSecOneThread","allocBytesPerCase"]))')
    echo "$(git -C "$root" rev-parse --short "$commit") run $run: $line"
  done
done
