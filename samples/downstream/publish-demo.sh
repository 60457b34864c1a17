#!/usr/bin/env bash
# The publisher's side of the pack-watcher demo (docs/downstream.md): publish the knowledge base
# as the next patch version, signed with a demo key, into DEMO/packs, which the sample watches.
#   samples/downstream/publish-demo.sh DEMO            # next version, signed: the sample switches to it
#   samples/downstream/publish-demo.sh DEMO --tamper   # next version, altered after signing: refused
# The demo key (DEMO/publisher.pem, DEMO/publisher.pub.pem) is made on first use; it is a demo
# key, not the project's signing key.
set -euo pipefail
demo=${1:?usage: publish-demo.sh DEMO [--tamper]}
tamper=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$demo/packs"
demo=$(cd "$demo" && pwd)
dotnet build "$root/src/CtoRules.Cli" -c Release -nologo -v quiet >/dev/null
cli=(dotnet "$root/src/CtoRules.Cli/bin/Release/net10.0/ctorules.dll")
[ -f "$demo/publisher.pem" ] || "${cli[@]}" keygen --out "$demo/publisher.pem"

# The next patch version after the newest pack in the folder (the working copy's version when it is empty).
current=$(sed -n 's/^version: *//p' "$root/rules/ruleset.yaml" | head -1)
latest=$(ls "$demo/packs" | sed -n 's/^eurocto-calcified-cto-\([0-9]*\.[0-9]*\.[0-9]*\)\.ctopack\.json$/\1/p' | sort -t. -k1,1n -k2,2n -k3,3n | tail -1)
if [ -z "$latest" ]; then version=$current; else IFS=. read -r ma mi pa <<<"$latest"; version="$ma.$mi.$((pa + 1))"; fi

# A copy of the knowledge base at that version, with its changelog entry.
kb=$(mktemp -d); trap 'rm -rf "$kb"' EXIT
mkdir -p "$kb/tests"
cp -r "$root/rules" "$root/references" "$kb/"
cp -r "$root/tests/corpus" "$kb/tests/"
if [ "$version" != "$current" ]; then
  sed -i "s/^version: .*/version: $version/; s/^changelog:$/changelog:\n  - version: $version\n    date: $(date -u +%F)\n    changes: [Demo republish for the pack watcher sample.]/" "$kb/rules/ruleset.yaml"
fi
# Publish into a staging folder that holds the same packs, then move the new one in whole.
mkdir -p "$kb/packs"; cp "$demo/packs/"*.ctopack.json "$kb/packs/" 2>/dev/null || true
"${cli[@]}" publish --rules "$kb/rules" --packs "$kb/packs" --key "$demo/publisher.pem"
pack="$kb/packs/eurocto-calcified-cto-$version.ctopack.json"
if [ "$tamper" = --tamper ]; then
  sed -i '0,/atherectomy/s//Atherectomy/' "$pack"   # one word changed after signing
  echo "tampered with $version after signing"
fi
mv "$pack" "$demo/packs/"
echo "published eurocto-calcified-cto $version into $demo/packs"
