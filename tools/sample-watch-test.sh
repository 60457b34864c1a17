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

samples/downstream/publish-demo.sh "$demo" >/dev/null
dotnet samples/downstream/bin/Release/net10.0/CtoRules.Samples.Downstream.dll watch "$demo/packs" "$demo/publisher.pub.pem" >"$log" 2>&1 &
pid=$!
await "in force: eurocto-calcified-cto 1.0.0 "
await "^watching folder "

samples/downstream/publish-demo.sh "$demo" >/dev/null
await "in force: eurocto-calcified-cto 1.0.1 .*(was 1.0.0)"
await "ruleSet eurocto-calcified-cto 1.0.1 sha256:"   # the case evaluated again, with the new pack

samples/downstream/publish-demo.sh "$demo" --tamper >/dev/null
await "refused: 1.0.2 (Integrity): the content does not match the digest"
grep -q "1.0.1 stays in force" "$log" || fail "the refusal does not say 1.0.1 stays in force"
! grep -q "in force: eurocto-calcified-cto 1.0.2" "$log" || fail "the tampered 1.0.2 was put in force"
echo "sample watch test: the running sample switched 1.0.0 -> 1.0.1 and refused the tampered 1.0.2"
