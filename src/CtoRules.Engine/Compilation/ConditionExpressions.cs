using System.Linq.Expressions;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// Builds the expression trees NRules matches with. Three-valued logic is compiled as two
/// two-valued predicates: <see cref="IsTrue"/> ("definitely true") and <see cref="IsFalse"/>
/// ("definitely false"); a rule fires on IsTrue, and is undecided when neither holds. A
/// comparison over NaN (unknown) is false in IEEE arithmetic, which is exactly "not definitely
/// true"; <c>!=</c> and negations add an explicit known-check.
/// </summary>
/// <remarks>
/// Derived facts and scores are read from the case fact by slot, as an array element
/// (<c>c.DerivedTruth[3]</c>) or a static call with constant arguments: NRules compares condition
/// expressions to share alpha nodes, and its comparer does not support members of array elements.
/// </remarks>
internal sealed class ConditionExpressions(Expression caseFacts, IReadOnlyDictionary<string, int> derivedSlots,
    IReadOnlyDictionary<string, int> scoreSlots)
{
    private static readonly System.Reflection.MethodInfo ScoreTruthMethod = typeof(CaseFacts).GetMethod(nameof(CaseFacts.ScoreTruth))!;
    private static readonly System.Reflection.FieldInfo DerivedTruthField = typeof(CaseFacts).GetField(nameof(CaseFacts.DerivedTruth))!;

    private static readonly System.Reflection.FieldInfo ValuesField = typeof(CaseFacts).GetField(nameof(CaseFacts.V))!;
    private static readonly System.Reflection.FieldInfo BlocksField = typeof(CaseFacts).GetField(nameof(CaseFacts.Blocks))!;

    public Expression IsTrue(BoundCondition condition) => condition switch
    {
        BoundAnd a => Expression.AndAlso(IsTrue(a.Left), IsTrue(a.Right)),
        BoundOr o => Expression.OrElse(IsTrue(o.Left), IsTrue(o.Right)),
        BoundNot n => IsFalse(n.Operand),
        BoundConstant k => Expression.Constant(k.Value),
        BoundKnownField k => Known(Value(k.Field.Slot)),
        BoundKnownBlock b => Expression.NotEqual(BlockBit(b.Index), Expression.Constant(0)),
        BoundCompare c when c.Op == CompareOp.NotEqual => Expression.AndAlso(Known(Value(c.Field.Slot)), Compare(c)),
        BoundCompare c => Compare(c),
        BoundIn i when i.Negated => Expression.AndAlso(Known(Value(i.Field.Slot)), Expression.Not(AnyEqual(i))),
        BoundIn i => AnyEqual(i),
        BoundDerived d => Expression.Equal(DerivedTruth(d), Expression.Constant(Truth.True)),
        BoundScore s => ScoreIs(s, Truth.True),
        _ => throw new InvalidOperationException($"unexpected condition {condition.GetType().Name}"),
    };

    public Expression IsFalse(BoundCondition condition) => condition switch
    {
        BoundAnd a => Expression.OrElse(IsFalse(a.Left), IsFalse(a.Right)),
        BoundOr o => Expression.AndAlso(IsFalse(o.Left), IsFalse(o.Right)),
        BoundNot n => IsTrue(n.Operand),
        BoundConstant k => Expression.Constant(!k.Value),
        BoundKnownField k => Expression.Not(Known(Value(k.Field.Slot))),
        BoundKnownBlock b => Expression.Equal(BlockBit(b.Index), Expression.Constant(0)),
        BoundCompare c => Expression.AndAlso(Known(Value(c.Field.Slot)), Expression.Not(Compare(c))),
        BoundIn i when i.Negated => AnyEqual(i),
        BoundIn i => Expression.AndAlso(Known(Value(i.Field.Slot)), Expression.Not(AnyEqual(i))),
        BoundDerived d => Expression.Equal(DerivedTruth(d), Expression.Constant(Truth.False)),
        BoundScore s => ScoreIs(s, Truth.False),
        _ => throw new InvalidOperationException($"unexpected condition {condition.GetType().Name}"),
    };

    /// <summary>The score fact's three-valued comparison (<see cref="ScoreFact.Compare"/>) has the given value.</summary>
    private Expression ScoreIs(BoundScore s, Truth expected) =>
        Expression.Equal(
            Expression.Call(ScoreTruthMethod, caseFacts, Expression.Constant(scoreSlots[s.Score]), Expression.Constant(s.Op), Expression.Constant(s.Value)),
            Expression.Constant(expected));

    private Expression DerivedTruth(BoundDerived d) =>
        Expression.ArrayIndex(Expression.Field(caseFacts, DerivedTruthField), Expression.Constant(derivedSlots[d.Name]));

    private Expression Value(int slot) => Expression.ArrayIndex(Expression.Field(caseFacts, ValuesField), Expression.Constant(slot));

    private Expression BlockBit(int index) => Expression.And(Expression.Field(caseFacts, BlocksField), Expression.Constant(1 << index));

    /// <summary>v == v is false only for NaN: "the value is known".</summary>
    private static Expression Known(Expression v) => Expression.Equal(v, v);

    private Expression Compare(BoundCompare c)
    {
        var v = Value(c.Field.Slot);
        var k = Expression.Constant(c.Value);
        return c.Op switch
        {
            CompareOp.Equal => Expression.Equal(v, k),
            CompareOp.NotEqual => Expression.NotEqual(v, k),
            CompareOp.Less => Expression.LessThan(v, k),
            CompareOp.LessOrEqual => Expression.LessThanOrEqual(v, k),
            CompareOp.Greater => Expression.GreaterThan(v, k),
            _ => Expression.GreaterThanOrEqual(v, k),
        };
    }

    private Expression AnyEqual(BoundIn i)
    {
        var v = Value(i.Field.Slot);
        Expression? any = null;
        foreach (var value in i.Values)
        {
            var eq = Expression.Equal(v, Expression.Constant(value));
            any = any is null ? eq : Expression.OrElse(any, eq);
        }
        return any ?? Expression.Constant(false);
    }
}
