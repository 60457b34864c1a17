using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Rules;

/// <summary>What reading a rule set gives: the set (null when there are errors) and every diagnostic.</summary>
public sealed record RuleSetLoad(RuleSet? RuleSet, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
