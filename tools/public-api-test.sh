#!/usr/bin/env bash
# The public API of the downstream packages does not break by accident: in a copy of
# CtoRules.Domain outside the repository, (1) the untouched copy builds, (2) a shipped public
# member made internal fails the build with RS0017, and (3) a new public member not recorded in
# PublicAPI.Unshipped.txt fails it with RS0016 (Microsoft.CodeAnalysis.PublicApiAnalyzers).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/ctorules-public-api.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "public API test: $*" >&2; exit 1; }
build() { dotnet build "$work/src/CtoRules.Domain" -c Release -nologo -v quiet >"$work/build.log" 2>&1; }

cp Directory.Build.props Directory.Packages.props "$work/"
mkdir -p "$work/src" && cp -r src/CtoRules.Domain "$work/src/" && rm -rf "$work/src/CtoRules.Domain/bin" "$work/src/CtoRules.Domain/obj"
file="$work/src/CtoRules.Domain/Cases/CaseReader.cs"
member='public static CaseReadResult ReadJson(string text)'
grep -qF "CtoRules.Cases.CaseReader.ReadJson(string! text) -> CtoRules.Cases.CaseReadResult!" src/CtoRules.Domain/PublicAPI.Shipped.txt \
  || fail "CaseReader.ReadJson is not in PublicAPI.Shipped.txt; pick another shipped member for this test"

build || { cat "$work/build.log"; fail "the untouched copy does not build"; }

sed -i "s/$member/internal static CaseReadResult ReadJson(string text)/" "$file"
grep -qF 'internal static CaseReadResult ReadJson' "$file" || fail "the test did not change the member"
if build; then fail "removing the shipped public member CaseReader.ReadJson still builds"; fi
grep -q "error RS0017" "$work/build.log" || { cat "$work/build.log"; fail "the build failed, but not with RS0017"; }
echo "public API test: removing CaseReader.ReadJson fails the build: $(grep -o 'error RS0017: [^[]*' "$work/build.log" | head -1)"

sed -i "s/internal static CaseReadResult ReadJson(string text)/$member/" "$file"
sed -i "s/$member/public static CaseReadResult ReadJsonAgain(string text) => ReadJson(text);\n    $member/" "$file"
if build; then fail "an unrecorded new public member still builds"; fi
grep -q "error RS0016" "$work/build.log" || { cat "$work/build.log"; fail "the build failed, but not with RS0016"; }
echo "public API test: an unrecorded public member fails the build: $(grep -o 'error RS0016: [^[]*' "$work/build.log" | head -1)"
