using CtoRules.Engine.Evaluation;
using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// The derived facts of a case, computed before it enters the NRules session: each derived-fact
/// rule's condition compiled to one delegate giving its three-valued truth, run in dependency
/// order (cycles are rejected at validation), each fact explained once and put on the case fact.
/// Rules that read derived facts then test them as alpha conditions on the case, with no joins
/// (docs/architecture.md, "Derived facts are computed before the session").
/// </summary>
internal sealed class DerivedPrePass(DerivedStep[] beforeScores, DerivedStep[] afterScores)
{
    /// <summary>Derives the facts that read no score (<paramref name="afterScores"/> false) or the others, once scores are set.</summary>
    public void Run(CaseFacts c, bool afterScores)
    {
        foreach (var step in afterScores ? _afterScores : _beforeScores)
            RuleActions.Derive(c, step.Rule, step.Slot, step.Value(c));
    }

    private readonly DerivedStep[] _beforeScores = beforeScores;
    private readonly DerivedStep[] _afterScores = afterScores;
}
