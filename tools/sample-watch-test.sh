#!/usr/bin/env bash
# The downstream sample switches packs without a restart: start `samples/downstream watch` on a
# folder, publish a new signed version into it (samples/downstream/publish-demo.sh) and wait until
# the sample says it is in force; then publish a version altered after signing and wait until the
# sample refuses it with the earlier version still in force. Run after a Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=$(mktemp -d "${TMPDIR:-/tmp}/ctorules-sample-watch.XXXXXX")
log="$demo/sample.log"
pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$demo"; }
trap cleanup EXIT
fail() { echo "sample watch test: $*" >&2; echo "--- sample output:" >&2; cat "$log" >&2 || true; exit 1; }
# Waits for a line in the sample's output; the limit only keeps a broken run from hanging CI.
await() { for _ in $(seq 1 240); do grep -q -- "$1" "$log" && return 0; kill -0 "$pid" 2>/dev/null || fail "the sample exited"; sleep 0.5; done; fail "no line '$1' after 120 s"; }

# The versions follow the working copy's: v0 (as shipped), then v1 and v2 (one patch each).
v0=$(sed -n 's/^version: *//p' rules/ruleset.yaml | head -1)
IFS=. read -r ma mi pa <<<"$v0"; v1="$ma.$mi.$((pa + 1))"; v2="$ma.$mi.$((pa + 2))"

samples/downstream/publish-demo.sh "$demo" >/dev/null
dotnet samples/downstream/bin/Release/net10.0/CtoRules.Samples.Downstream.dll watch "$demo/packs" "$demo/publisher.pub.pem" >"$log" 2>&1 &
pid=$!
await "in force: eurocto-calcified-cto $v0 "
await "^watching folder "

samples/downstream/publish-demo.sh "$demo" >/dev/null
await "in force: eurocto-calcified-cto $v1 .*(was $v0)"
await "ruleSet eurocto-calcified-cto $v1 sha256:"   # the case evaluated again, with the new pack

samples/downstream/publish-demo.sh "$demo" --tamper >/dev/null
await "refused: $v2 (Integrity): the content does not match the digest"
grep -q "$v1 stays in force" "$log" || fail "the refusal does not say $v1 stays in force"
! grep -q "in force: eurocto-calcified-cto $v2" "$log" || fail "the tampered $v2 was put in force"
echo "sample watch test: the running sample switched $v0 -> $v1 and refused the tampered $v2"
