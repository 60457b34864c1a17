#!/usr/bin/env bash
# Records the public API of the downstream packages as SHIPPED: rewrites each packaged project's
# PublicAPI.Shipped.txt from its current public surface and empties PublicAPI.Unshipped.txt.
# Run it only when a library version is released (docs/downstream.md); between releases, record
# a new public member in PublicAPI.Unshipped.txt instead:
#   dotnet format analyzers src/PROJECT/PROJECT.csproj --diagnostics RS0016 --severity warn
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${*:-CtoRules.Domain CtoRules.Language CtoRules.Engine CtoRules.Packs CtoRules.Packs.HealthChecks}
for p in $projects; do
  dir="src/$p"
  printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  # The analyzer's code fix writes every public symbol into Unshipped...
  dotnet format analyzers "$dir/$p.csproj" --diagnostics RS0016 RS0037 --severity warn -v quiet
  # ...which becomes Shipped, sorted as the analyzer keeps it.
  { printf '#nullable enable\n'; grep -v '^#nullable enable$' "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort; } > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  echo "$p: $(($(wc -l < "$dir/PublicAPI.Shipped.txt") - 1)) public API lines shipped"
done
