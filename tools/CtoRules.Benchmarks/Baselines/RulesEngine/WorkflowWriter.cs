using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Benchmarks.Harness;
using CtoRules.Cases;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Baselines.RulesEngine;

/// <summary>
/// Writes the knowledge base as a Microsoft RulesEngine workflow: JSON, one rule per advice rule
/// and score item, each a lambda expression over the input <c>c</c> (<see cref="ReCase"/>).
/// Derived facts become workflow-level GlobalParams (RulesEngine has no chaining); because unknown
/// is not false, each derived fact is two params, "definitely true" and "definitely false".
/// </summary>
public static class WorkflowWriter
{
    public const string WorkflowName = "ctorules";

    public static string Write(RuleSet set, int copies = 1)
    {
        var globals = new JsonArray();
        var rules = new JsonArray();
        for (var k = 0; k < copies; k++)
        {
            var sfx = k == 0 ? "" : "_k" + k;
            foreach (var r in OrderByDependency(set.Rules.Where(r => r.Role == RuleRole.Derived)))
            {
                globals.Add(new JsonObject { ["Name"] = "T_" + r.Derives + sfx, ["Expression"] = True(r.Condition, sfx) });
                globals.Add(new JsonObject { ["Name"] = "F_" + r.Derives + sfx, ["Expression"] = False(r.Condition, sfx) });
            }
            foreach (var s in set.Scores.Where(s => s.Condition is not null))
                globals.Add(new JsonObject { ["Name"] = ScoreParam(s.Name) + sfx, ["Expression"] = True(s.Condition!, sfx) });
            foreach (var r in set.Rules.Where(r => r.Role != RuleRole.Derived))
            {
                var expression = True(r.Condition, sfx);
                if (r.Role == RuleRole.Advice)
                    expression = $"c.StageOrdinal <= {CaseSchema.StageOrdinal(r.Stage!)} && {expression}";
                else if (set.Scores.FirstOrDefault(s => s.Name == r.Score)?.Condition is not null)
                    expression = $"{ScoreParam(r.Score!)}{sfx} && {expression}";
                rules.Add(new JsonObject
                {
                    ["RuleName"] = r.Id + RuleSetReplicator.Suffix(k),
                    ["SuccessEvent"] = r.Role == RuleRole.Advice ? string.Join(",", r.Actions) : $"{r.Score}:{r.Item}",
                    ["RuleExpressionType"] = "LambdaExpression",
                    ["Expression"] = expression,
                });
            }
        }
        var workflow = new JsonArray(new JsonObject { ["WorkflowName"] = WorkflowName, ["GlobalParams"] = globals, ["Rules"] = rules });
        return workflow.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string ScoreParam(string score) => "S_" + score.Replace('-', '_');

    private static IEnumerable<RuleDefinition> OrderByDependency(IEnumerable<RuleDefinition> derived)
    {
        var byName = derived.ToDictionary(r => r.Derives!, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<RuleDefinition>();
        void Visit(RuleDefinition r)
        {
            if (!done.Add(r.Derives!)) return;
            foreach (var dep in r.Condition.DerivedFacts()) Visit(byName[dep]);
            order.Add(r);
        }
        foreach (var r in byName.Values.OrderBy(r => r.Id, StringComparer.Ordinal)) Visit(r);
        return order;
    }

    private static string True(BoundCondition n, string sfx) => n switch
    {
        BoundAnd a => $"({True(a.Left, sfx)} && {True(a.Right, sfx)})",
        BoundOr o => $"({True(o.Left, sfx)} || {True(o.Right, sfx)})",
        BoundNot m => False(m.Operand, sfx),
        BoundConstant k => k.Value ? "true" : "false",
        BoundKnownField k => $"({Guard(k.Field)} && {Access(k.Field)} != null)",
        BoundKnownBlock b => $"(c.{ReCase.Pascal(b.Block)} != null)",
        BoundCompare x when x.Op == CompareOp.NotEqual => $"({Guard(x.Field)} && {Access(x.Field)} != null && {Access(x.Field)} != {Lit(x.Field, x.Value)})",
        BoundCompare x => $"({Guard(x.Field)} && {Access(x.Field)} {Op(x.Op)} {Lit(x.Field, x.Value)})",
        BoundIn i when i.Negated => $"({Guard(i.Field)} && {Access(i.Field)} != null && !{Any(i)})",
        BoundIn i => $"({Guard(i.Field)} && {Any(i)})",
        BoundDerived d => "T_" + d.Name + sfx,
        _ => throw new InvalidOperationException(n.GetType().Name),
    };

    private static string False(BoundCondition n, string sfx) => n switch
    {
        BoundAnd a => $"({False(a.Left, sfx)} || {False(a.Right, sfx)})",
        BoundOr o => $"({False(o.Left, sfx)} && {False(o.Right, sfx)})",
        BoundNot m => True(m.Operand, sfx),
        BoundConstant k => k.Value ? "false" : "true",
        BoundKnownField k => $"!({Guard(k.Field)} && {Access(k.Field)} != null)",
        BoundKnownBlock b => $"(c.{ReCase.Pascal(b.Block)} == null)",
        BoundCompare x => $"({Guard(x.Field)} && {Access(x.Field)} != null && !({Access(x.Field)} {Op(x.Op)} {Lit(x.Field, x.Value)}))",
        BoundIn i when i.Negated => $"({Guard(i.Field)} && {Any(i)})",
        BoundIn i => $"({Guard(i.Field)} && {Access(i.Field)} != null && !{Any(i)})",
        BoundDerived d => "F_" + d.Name + sfx,
        _ => throw new InvalidOperationException(n.GetType().Name),
    };

    private static string Any(BoundIn i) =>
        i.Values.Length == 0 ? "false" : "(" + string.Join(" || ", i.Values.Select(v => $"{Access(i.Field)} == {Lit(i.Field, v)}")) + ")";

    private static string Guard(FactField f) => $"c.{ReCase.Pascal(f.Block)} != null";

    private static string Access(FactField f) => $"c.{ReCase.Pascal(f.Block)}.{ReCase.Pascal(f.Name)}";

    private static string Op(CompareOp op) => BoundCompare.Symbol(op);

    private static string Lit(FactField f, double v) => f.Type switch
    {
        FactType.Boolean => v != 0 ? "true" : "false",
        FactType.Enum => "\"" + f.Values[(int)v] + "\"",
        FactType.Integer => ((long)v).ToString(CultureInfo.InvariantCulture),
        _ => v.ToString("0.0###########", CultureInfo.InvariantCulture),
    };
}
