using System.Collections.Immutable;

namespace CtoRules.Language.Rules;

public sealed record ChangelogEntry(string Version, string? Date, ImmutableArray<string> Changes);
