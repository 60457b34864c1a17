using CtoRules.Cases;
using CtoRules.Engine.Evaluation;

namespace CtoRules.Engine.Facts;

/// <summary>
/// The fact a case becomes inside an NRules session: the value vector (NaN = unknown), the block
/// mask and the stage, plus the sink that rule actions write their results to. One instance per
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

    internal EvaluationSink Sink { get; }

    public bool HasBlock(int index) => (Blocks & (1 << index)) != 0;
}
