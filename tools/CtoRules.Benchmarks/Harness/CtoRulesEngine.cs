using System.Text;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Harness;

/// <summary>CtoRules itself: rule files compiled by <see cref="RuleSetCompiler"/>, advice@1 with explanations.</summary>
public sealed class CtoRulesEngine : IEngineUnderTest
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Key => "ctorules";

    public Agreement AgreementLevel => Agreement.Full;

    public ICompiledEngine Compile(RuleSet ruleSet, int copies) =>
        new Compiled(RuleSetCompiler.Compile(copies == 1 ? ruleSet : RuleSetReplicator.Replicate(ruleSet, copies)));

    private sealed class Compiled(CompiledRuleSet compiled) : ICompiledEngine
    {
        // One NRules rule per rule file: "fires" for advice and score items, "derives" for derived
        // facts ("undecided" is a compiled post-pass, see RuleSetCompiler).
        public int EngineRuleCount => compiled.Rules.Length;

        public void Evaluate(Case @case) => compiled.Evaluate(@case, At);

        public string Describe(Case @case, Agreement level) => Canonical.Of(compiled.Evaluate(@case, At), level);
    }
}

/// <summary>The canonical text of a result that the agreement check compares.</summary>
public static class Canonical
{
    public static string Of(AdviceDocument advice, Agreement level)
    {
        var s = new StringBuilder();
        s.Append("advice:");
        foreach (var a in advice.Advice)
        {
            s.Append(' ').Append(a.RuleId);
            if (level == Agreement.Full) s.Append('[').AppendJoin(" | ", a.Because).Append(']');
        }
        foreach (var score in advice.Scores)
        {
            if (level == Agreement.Chosen && score.Components.Length == 0) continue;
            s.Append("\nscore ").Append(score.Score);
            if (level == Agreement.Full)
                s.Append(' ').Append(Num(score.Points)).Append('/').Append(Num(score.MaxPoints)).Append(" category=").Append(score.Category ?? "-")
                    .Append(" missing=").AppendJoin(',', score.Missing);
            foreach (var c in score.Components)
            {
                s.Append("\n  ").Append(c.RuleId);
                if (level == Agreement.Full) s.Append(' ').Append(Num(c.Points)).Append('[').AppendJoin(" | ", c.Because).Append(']');
            }
        }
        if (level == Agreement.Full)
            foreach (var m in advice.MissingFacts)
                s.Append("\nmissing ").Append(m.Fact).Append(" -> ").AppendJoin(',', m.WouldInform);
        return s.ToString();
    }

    public static string Num(double v) => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
