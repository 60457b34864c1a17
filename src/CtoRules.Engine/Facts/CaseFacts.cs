using CtoRules.Cases;
using CtoRules.Engine.Evaluation;
using CtoRules.Language.Conditions;

namespace CtoRules.Engine.Facts;

/// <summary>
/// The fact a case becomes inside an NRules session: the value vector (NaN = unknown), the block
/// mask and the stage, its derived facts, plus the sink that rule actions write their results to. One instance per
/// evaluation, so NRules' identity comparison treats two equal-looking cases as two facts.
/// </summary>
public sealed class CaseFacts
{
    internal CaseFacts(Case @case, EvaluationSink sink)
    {
        Case = @case;
        V = @case.UnsafeValues;
        Blocks = @case.BlockMask;
        StageOrdinal = Scope.StageOrdinal(V);
        Sink = sink;
        Derived = sink.Compiled.DerivedCount == 0 ? [] : new DerivedFact[sink.Compiled.DerivedCount];
        DerivedTruth = sink.Compiled.DerivedCount == 0 ? [] : new Truth[sink.Compiled.DerivedCount];
    }

    public Case Case { get; }

    /// <summary>The value vector, read by compiled conditions as <c>c.V[slot]</c>.</summary>
    public readonly double[] V;

    public readonly int Blocks;
    /// <summary>The stage ordinal that scopes advice rules (<see cref="Scope"/>), not always the case's stage.</summary>
    public readonly int StageOrdinal;

    /// <summary>
    /// The scores by <c>RuleSet.Scores</c> index, set once every score item is decided or undecided
    /// (null before, and in rule sets where no rule reads a score). Read by compiled conditions.
    /// </summary>
    public ScoreFact[]? Scores;

    /// <summary>
    /// The derived facts by slot, filled by the compiled pre-pass before the case enters the
    /// session (docs/architecture.md): rules read <c>c.Derived[slot].Value</c> as an alpha test.
    /// </summary>
    public readonly DerivedFact[] Derived;

    /// <summary>The value of each derived fact by slot (what compiled conditions read).</summary>
    public readonly Truth[] DerivedTruth;

    /// <summary>
    /// The three-valued comparison of the score in <paramref name="slot"/> with <paramref name="value"/>,
    /// for compiled conditions; unknown while scores are not computed.
    /// </summary>
    public static Truth ScoreTruth(CaseFacts c, int slot, CompareOp op, double value) =>
        c.Scores is { } scores ? scores[slot].Compare(op, value) : Truth.Unknown;

    internal EvaluationSink Sink { get; }

    public bool HasBlock(int index) => (Blocks & (1 << index)) != 0;
}
