using CtoRules.Cases;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Mutations;

/// <summary>
/// The mutants of a rule set: for each comparison, its threshold one step (the field's
/// <see cref="FactField.Step"/>) below and above, as long as it stays within the field's range,
/// and its operator changed to its neighbour; for each <c>in</c> list of two or more values,
/// each value removed. <c>known()</c> tests and derived facts are not mutated.
/// </summary>
public static class MutantGenerator
{
    public static IReadOnlyList<(Mutant Mutant, BoundCondition Replacement)> For(RuleSet ruleSet) =>
        [.. ruleSet.Rules.SelectMany(For)];

    public static IEnumerable<(Mutant Mutant, BoundCondition Replacement)> For(RuleDefinition rule)
    {
        var clauses = ConditionClauses.Of(rule.Condition);
        for (var i = 0; i < clauses.Count; i++)
            foreach (var (kind, replacement) in Mutate(clauses[i]))
            {
                var id = $"{rule.Id}#{i + 1}:{replacement}";
                yield return (new Mutant(id, rule.Id, i, kind, clauses[i].ToString(), replacement.ToString()!), replacement);
            }
    }

    public static IEnumerable<(MutationKind Kind, BoundCondition Replacement)> Mutate(BoundCondition clause)
    {
        switch (clause)
        {
            case BoundCompare c when c.Field.Type is FactType.Integer or FactType.Number:
                foreach (var t in new[] { c.Value - c.Field.Step, c.Value + c.Field.Step })
                {
                    var moved = Math.Round(t, 6);
                    if (moved >= (c.Field.Minimum ?? double.MinValue) && moved <= (c.Field.Maximum ?? double.MaxValue))
                        yield return (MutationKind.Threshold, c with { Value = moved });
                }
                yield return (MutationKind.Operator, c with { Op = Neighbour(c.Op) });
                break;
            case BoundCompare c:
                // Booleans and enums: only equality exists; its neighbour is inequality.
                yield return (MutationKind.Operator, c with { Op = Neighbour(c.Op) });
                break;
            case BoundIn i when i.Values.Length >= 2:
                for (var k = 0; k < i.Values.Length; k++)
                    yield return (MutationKind.ListElement, i with { Values = i.Values.RemoveAt(k) });
                break;
        }
    }

    public static CompareOp Neighbour(CompareOp op) => op switch
    {
        CompareOp.Less => CompareOp.LessOrEqual,
        CompareOp.LessOrEqual => CompareOp.Less,
        CompareOp.Greater => CompareOp.GreaterOrEqual,
        CompareOp.GreaterOrEqual => CompareOp.Greater,
        CompareOp.Equal => CompareOp.NotEqual,
        _ => CompareOp.Equal,
    };
}
