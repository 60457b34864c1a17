#!/usr/bin/env bash
# The downstream packages work on their own: pack them into a local folder feed, make a fresh
# console app OUTSIDE the repository (none of its Directory.*.props apply), `dotnet add package`
# CtoRules.Packs from that feed, load the shipped signed pack and evaluate a case. The app's
# advice must equal what `ctorules evaluate --pack` gives for the same pack and case.
# Run after a Release build of the solution (tools/test.sh does both). Exit 0 when it all holds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ctorules-package-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/app"
fail() { echo "package test: $*" >&2; exit 1; }

echo "== pack the downstream packages into $feed"
dotnet pack CtoRules.sln -c Release --no-build -nologo -v quiet -o "$feed"
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props | head -1)
for id in CtoRules.Domain CtoRules.Language CtoRules.Engine CtoRules.Packs CtoRules.Packs.HealthChecks; do
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "$nupkg was not produced"
  [ -f "$feed/$id.$version.snupkg" ] || fail "no symbol package for $id"
  listing=$(unzip -l "$nupkg")
  for part in README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -q " $part\$" <<<"$listing" || fail "$id has no $part"
  done
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id has no licence expression"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id does not show its README"
  grep -q '<repository type="git"[^>]* commit="[0-9a-f]\{40\}"' <<<"$nuspec" || fail "$id has no source repository commit"
done
[ "$(ls "$feed" | grep -c '\.nupkg$')" -eq 5 ] || fail "expected exactly the 5 downstream packages, got: $(ls "$feed")"

echo "== a fresh console app in $app"
mkdir -p "$app"
# Stop MSBuild's upward search here, whatever folder the temporary directory is in.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$work/$f"; done
cat > "$work/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <config>
    <!-- Its own package folder, so a CtoRules package cached by an earlier run cannot stand in. -->
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
</configuration>
XML
(cd "$app" && dotnet new console --framework net10.0 --name Downstream --output . >/dev/null)
(cd "$app" && dotnet add package CtoRules.Packs --version "$version")
cp packs/eurocto-calcified-cto-1.0.0.ctopack.json packs/eurocto-calcified-cto.pub.pem samples/downstream/case.json "$app/"
cat > "$app/Program.cs" <<'CS'
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

var trust = PackTrust.SignedBy(PackPublicKey.FromFile("eurocto-calcified-cto.pub.pem"));
var pack = RulePack.Load("eurocto-calcified-cto-1.0.0.ctopack.json", trust);
var read = CaseReader.ReadFile("case.json");
if (!read.IsValid) { Console.Error.WriteLine("invalid case"); return 2; }
var advice = pack.Evaluate(read.Case!);
Console.Error.WriteLine($"ruleSet {advice.RuleSet.Id} {advice.RuleSet.Version} {advice.RuleSet.Digest}; {advice.Advice.Length} advice item(s), {advice.Scores.Length} score(s); signed by {pack.SignatureVerifiedBy}");
Console.WriteLine(AdviceJson.Serialize(advice));
return advice.Advice.Length > 0 && advice.RuleSet.Digest == pack.Digest ? 0 : 1;
CS
grep -q 'PackageReference Include="CtoRules.Packs"' "$app/Downstream.csproj" || fail "dotnet add package did not add CtoRules.Packs"
(cd "$app" && dotnet build -c Release -nologo -v quiet) || fail "the fresh app does not build against the packages"
grep -q "CtoRules.Packs.dll" <(ls "$app/bin/Release/net10.0") || fail "CtoRules.Packs.dll did not come from the package"
[ ! -e "$app/bin/Release/net10.0/CtoRules.Authoring.dll" ] || fail "the authoring library leaked into a downstream app"

echo "== run it and compare with ctorules evaluate --pack"
(cd "$app" && dotnet bin/Release/net10.0/Downstream.dll) > "$work/app.json" || fail "the fresh app failed"
dotnet src/CtoRules.Cli/bin/Release/net10.0/ctorules.dll evaluate samples/downstream/case.json \
  --pack packs/eurocto-calcified-cto-1.0.0.ctopack.json --public-key packs/eurocto-calcified-cto.pub.pem --format json > "$work/cli.json"
# The evaluation time differs between the two runs; everything else must be equal.
jq -S 'del(.evaluatedAt)' "$work/app.json" > "$work/app.cmp"
jq -S 'del(.evaluatedAt)' "$work/cli.json" > "$work/cli.cmp"
diff -u "$work/cli.cmp" "$work/app.cmp" || fail "the packaged library's advice differs from the CLI's"
echo "package test: a fresh app using CtoRules.Packs $version from a local feed evaluated the case like the CLI ($(jq '.advice | length' "$work/app.json") advice items)"
