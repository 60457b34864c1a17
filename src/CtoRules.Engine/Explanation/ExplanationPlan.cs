using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;

namespace CtoRules.Engine.Explanation;

/// <summary>
/// A condition compiled once per rule set for explaining: its three-valued truth, the facts that
/// make it true or false (<c>because</c>) and the unknown facts that leave it undecided
/// (<c>missingFacts</c>). Slots of values, derived facts and scores are resolved and every
/// constant text is built when the rule set is compiled, so an evaluation does no name lookups
/// and no type tests on the condition tree (issue 14: "compiled explanations instead of walking
/// the condition tree per case"). The wording is the one advice@1 has always had.
/// </summary>
internal abstract class ExplanationPlan
{
    /// <summary>The condition's truth over the case and the derived facts and scores it carries.</summary>
    public abstract Truth Eval(CaseFacts c);

    /// <summary>Adds the facts that make the condition have the value <paramref name="expected"/>.</summary>
    public abstract void Explain(CaseFacts c, bool expected, List<string> into);

    /// <summary>Adds the unknown case facts that leave the condition undecided (nothing when it is decided).</summary>
    public void Missing(CaseFacts c, List<string> into)
    {
        if (Eval(c) == Truth.Unknown) AddMissing(c, into);
    }

    /// <summary><see cref="Missing"/> for a condition known to be undecided.</summary>
    protected abstract void AddMissing(CaseFacts c, List<string> into);

    public static ExplanationPlan Build(BoundCondition condition, IReadOnlyDictionary<string, int> derivedSlots, IReadOnlyDictionary<string, int> scoreSlots)
    {
        ExplanationPlan Of(BoundCondition n) => n switch
        {
            BoundAnd a => new AndPlan(Of(a.Left), Of(a.Right)),
            BoundOr o => new OrPlan(Of(o.Left), Of(o.Right)),
            BoundNot m => new NotPlan(Of(m.Operand)),
            BoundConstant k => new ConstantPlan(k.Value),
            BoundKnownField k => new KnownFieldPlan(k.Field),
            BoundKnownBlock b => new KnownBlockPlan(b.Block, b.Index),
            BoundCompare x => new ValuePlan(x.Field, v => x.Holds(v)),
            BoundIn i => new ValuePlan(i.Field, v => i.Holds(v)),
            BoundDerived d => new DerivedPlan(derivedSlots.TryGetValue(d.Name, out var slot) ? slot : -1),
            BoundScore s => new ScorePlan(scoreSlots.TryGetValue(s.Score, out var slot) ? slot : -1, s.Op, s.Value),
            _ => throw new InvalidOperationException($"unexpected condition {n.GetType().Name}"),
        };
        return Of(condition);
    }

    protected static void Add(List<string> into, string item)
    {
        if (!into.Contains(item)) into.Add(item);
    }

    private sealed class AndPlan(ExplanationPlan left, ExplanationPlan right) : ExplanationPlan
    {
        public override Truth Eval(CaseFacts c) => ConditionEvaluator.And(left.Eval(c), right.Eval(c));

        public override void Explain(CaseFacts c, bool expected, List<string> into)
        {
            if (expected)
            {
                left.Explain(c, true, into);
                right.Explain(c, true, into);
            }
            // false: the first operand that is false is enough.
            else (left.Eval(c) == Truth.False ? left : right).Explain(c, false, into);
        }

        protected override void AddMissing(CaseFacts c, List<string> into)
        {
            left.Missing(c, into);
            right.Missing(c, into);
        }
    }

    private sealed class OrPlan(ExplanationPlan left, ExplanationPlan right) : ExplanationPlan
    {
        public override Truth Eval(CaseFacts c) => ConditionEvaluator.Or(left.Eval(c), right.Eval(c));

        public override void Explain(CaseFacts c, bool expected, List<string> into)
        {
            if (!expected)
            {
                left.Explain(c, false, into);
                right.Explain(c, false, into);
            }
            // true: the first operand that is true is enough.
            else (left.Eval(c) == Truth.True ? left : right).Explain(c, true, into);
        }

        protected override void AddMissing(CaseFacts c, List<string> into)
        {
            left.Missing(c, into);
            right.Missing(c, into);
        }
    }

    private sealed class NotPlan(ExplanationPlan operand) : ExplanationPlan
    {
        public override Truth Eval(CaseFacts c) => ConditionEvaluator.Not(operand.Eval(c));

        public override void Explain(CaseFacts c, bool expected, List<string> into) => operand.Explain(c, !expected, into);

        protected override void AddMissing(CaseFacts c, List<string> into) => operand.Missing(c, into);
    }

    private sealed class ConstantPlan(bool value) : ExplanationPlan
    {
        public override Truth Eval(CaseFacts c) => value ? Truth.True : Truth.False;

        public override void Explain(CaseFacts c, bool expected, List<string> into) { }

        protected override void AddMissing(CaseFacts c, List<string> into) { }
    }

    /// <summary><c>known(path)</c>: true or false, never unknown.</summary>
    private sealed class KnownFieldPlan(FactField field) : ExplanationPlan
    {
        private readonly string _unknown = $"{field.Path}: unknown";

        public override Truth Eval(CaseFacts c) => double.IsNaN(c.V[field.Slot]) ? Truth.False : Truth.True;

        public override void Explain(CaseFacts c, bool expected, List<string> into) =>
            Add(into, expected ? FactText.PathEquals(field, c.V[field.Slot]) : _unknown);

        protected override void AddMissing(CaseFacts c, List<string> into) { }
    }

    /// <summary><c>known(block)</c>.</summary>
    private sealed class KnownBlockPlan(string block, int index) : ExplanationPlan
    {
        private readonly string _given = $"{block}: given";
        private readonly string _notGiven = $"{block}: not given";

        public override Truth Eval(CaseFacts c) => c.HasBlock(index) ? Truth.True : Truth.False;

        public override void Explain(CaseFacts c, bool expected, List<string> into) => Add(into, expected ? _given : _notGiven);

        protected override void AddMissing(CaseFacts c, List<string> into) { }
    }

    /// <summary>A comparison or an <c>in</c> list over one case value: unknown when the value is.</summary>
    private sealed class ValuePlan(FactField field, Func<double, bool> holds) : ExplanationPlan
    {
        private readonly int _blockIndex = CaseSchema.BlockIndex(field.Block);

        public override Truth Eval(CaseFacts c)
        {
            var v = c.V[field.Slot];
            return double.IsNaN(v) ? Truth.Unknown : holds(v) ? Truth.True : Truth.False;
        }

        public override void Explain(CaseFacts c, bool expected, List<string> into) => Add(into, FactText.PathEquals(field, c.V[field.Slot]));

        /// <summary>A missing fact is named by its block when the whole block is absent (e.g. "ivus").</summary>
        protected override void AddMissing(CaseFacts c, List<string> into) => Add(into, c.HasBlock(_blockIndex) ? field.Path : field.Block);
    }

    /// <summary>A derived fact, read from the case by slot (unknown while not derived).</summary>
    private sealed class DerivedPlan(int slot) : ExplanationPlan
    {
        private DerivedFact? Fact(CaseFacts c) => slot >= 0 ? c.Derived[slot] : null;

        public override Truth Eval(CaseFacts c) => Fact(c)?.Value ?? Truth.Unknown;

        public override void Explain(CaseFacts c, bool expected, List<string> into)
        {
            if (Fact(c) is { } fact) Add(into, fact.Chain);
        }

        protected override void AddMissing(CaseFacts c, List<string> into)
        {
            if (Fact(c) is not { } fact) return;
            foreach (var m in fact.Missing) Add(into, m);
        }
    }

    /// <summary>A score comparison, read from the case by slot (unknown until scores are computed).</summary>
    private sealed class ScorePlan(int slot, CompareOp op, double value) : ExplanationPlan
    {
        private ScoreFact? Score(CaseFacts c) => slot >= 0 && c.Scores is { } scores ? scores[slot] : null;

        public override Truth Eval(CaseFacts c) => Score(c)?.Compare(op, value) ?? Truth.Unknown;

        /// <summary>The score with its points and items: the reader sees what the comparison was made on.</summary>
        public override void Explain(CaseFacts c, bool expected, List<string> into)
        {
            if (Score(c) is { } score) Add(into, score.Describe());
        }

        protected override void AddMissing(CaseFacts c, List<string> into)
        {
            if (Score(c) is not { } score) return;
            foreach (var m in score.Missing) Add(into, m);
        }
    }
}
