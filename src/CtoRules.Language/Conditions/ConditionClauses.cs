namespace CtoRules.Language.Conditions;

/// <summary>
/// The clauses of a condition: its leaves (comparisons, <c>in</c> lists, <c>known()</c> tests and
/// derived facts), numbered left to right. Clause coverage and the mutation check refer to a
/// clause by this index.
/// </summary>
public static class ConditionClauses
{
    public static bool IsClause(BoundCondition node) =>
        node is BoundCompare or BoundIn or BoundKnownField or BoundKnownBlock or BoundDerived;

    /// <summary>The clauses in source order (a <c>true</c> condition has none).</summary>
    public static IReadOnlyList<BoundCondition> Of(BoundCondition condition) => [.. condition.Walk().Where(IsClause)];

    /// <summary>The condition with clause <paramref name="index"/> replaced.</summary>
    public static BoundCondition Replace(BoundCondition condition, int index, BoundCondition replacement)
    {
        var seen = 0;
        var result = Replace(condition, index, replacement, ref seen);
        if (seen <= index) throw new ArgumentOutOfRangeException(nameof(index), $"the condition has {seen} clauses");
        return result;
    }

    private static BoundCondition Replace(BoundCondition node, int index, BoundCondition replacement, ref int seen)
    {
        switch (node)
        {
            case BoundAnd a:
                var al = Replace(a.Left, index, replacement, ref seen);
                return new BoundAnd(al, Replace(a.Right, index, replacement, ref seen));
            case BoundOr o:
                var ol = Replace(o.Left, index, replacement, ref seen);
                return new BoundOr(ol, Replace(o.Right, index, replacement, ref seen));
            case BoundNot n:
                return new BoundNot(Replace(n.Operand, index, replacement, ref seen));
            default:
                if (!IsClause(node)) return node;
                return seen++ == index ? replacement : node;
        }
    }
}
