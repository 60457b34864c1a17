using System.Collections.Immutable;
using CtoRules.Advice;

namespace CtoRules.Authoring.Algorithm;

/// <summary>
/// The path a case takes through a diagram, from its advice@1 document alone: a box is
/// <see cref="BoxState.Fired"/> when advice came from one of its rules, <see cref="BoxState.Undecided"/>
/// when one of its rules is named by a missing fact (it would be decided if that fact were known),
/// and <see cref="BoxState.NotReached"/> otherwise.
/// </summary>
public static class AlgorithmPath
{
    public static ImmutableDictionary<string, BoxState> Of(AlgorithmDiagram diagram, AdviceDocument advice)
    {
        var fired = advice.Advice.Select(a => a.RuleId)
            .Concat(advice.Scores.SelectMany(s => s.Components).Select(c => c.RuleId).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var undecided = advice.MissingFacts.SelectMany(m => m.WouldInform).ToHashSet(StringComparer.Ordinal);
        return diagram.Boxes.ToImmutableDictionary(b => b.Id, b =>
            b.Rules.Any(fired.Contains) ? BoxState.Fired
            : b.Rules.Any(undecided.Contains) ? BoxState.Undecided
            : BoxState.NotReached);
    }
}
