using System.Collections.Immutable;
using CtoRules.Cases;
using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Conditions;

/// <summary>The result of binding: the bound tree (null on error) and all errors found.</summary>
public sealed record ConditionBindResult(BoundCondition? Condition, ImmutableArray<ConditionError> Errors, ImmutableArray<ConditionError> Warnings);

/// <summary>
/// The type checker: binds paths against <see cref="CaseSchema"/> and the known derived facts,
/// checks operators against types and encodes literals. Collects every error.
/// </summary>
public sealed class ConditionBinder(IReadOnlySet<string> derivedFacts, IReadOnlyDictionary<string, double> scores)
{
    private readonly List<ConditionError> _errors = [];

    /// <summary>Binds one parsed condition; every error is collected in the result.</summary>
    /// <param name="syntax">The parsed condition.</param>
    /// <param name="derivedFacts">The names of the rule set's derived facts.</param>
    /// <param name="scores">The scores a condition may read, by name, with their maximum points.</param>
    public static ConditionBindResult Bind(ConditionSyntax syntax, IReadOnlySet<string> derivedFacts, IReadOnlyDictionary<string, double>? scores = null)
    {
        var binder = new ConditionBinder(derivedFacts, scores ?? new Dictionary<string, double>());
        var bound = binder.Visit(syntax);
        return new ConditionBindResult(binder._errors.Count == 0 ? bound : null, [.. binder._errors], [.. binder._warnings]);
    }

    private BoundCondition Visit(ConditionSyntax syntax) => Bare(syntax) with { Range = syntax.Range };

    private BoundCondition Bare(ConditionSyntax syntax) => syntax switch
    {
        AndSyntax a => new BoundAnd(Visit(a.Left), Visit(a.Right)),
        OrSyntax o => new BoundOr(Visit(o.Left), Visit(o.Right)),
        NotSyntax n => new BoundNot(Visit(n.Operand)),
        ConstantSyntax c => new BoundConstant(c.Value),
        KnownSyntax k => BindKnown(k),
        PathTestSyntax p => BindPathTest(p),
        CompareSyntax c => BindCompare(c),
        InSyntax i => BindIn(i),
        ScoreCompareSyntax s => BindScore(s),
        _ => throw new InvalidOperationException($"unexpected syntax {syntax.GetType().Name}"),
    };

    private void Error(string code, string message, TextRange at) => _errors.Add(new ConditionError(code, message, at.Start));

    private IEnumerable<string> Candidates() =>
        CaseSchema.Fields.Select(f => f.Path).Concat(CaseSchema.Blocks).Concat(derivedFacts);

    /// <summary>Resolves a path; reports unknown paths and blocks used as values.</summary>
    private FactField? Field(PathSyntax path, bool allowDerived, out bool isDerived)
    {
        isDerived = false;
        var field = CaseSchema.Find(path.Text);
        if (field is not null) return field;
        if (derivedFacts.Contains(path.Text))
        {
            isDerived = true;
            if (!allowDerived) Error("CTO3004", $"a derived fact is true or false: use '{path.Text}' or 'not {path.Text}', not a comparison", path.Range);
            return null;
        }
        if (CaseSchema.IsBlock(path.Text))
            Error("CTO3010", $"'{path.Text}' is a block; use known({path.Text})", path.Range);
        else
            Error("CTO3001", $"unknown path '{path.Text}'{Suggestions.DidYouMean(path.Text, Candidates())}", path.Range);
        return null;
    }

    private BoundCondition BindKnown(KnownSyntax k)
    {
        if (CaseSchema.IsBlock(k.Path.Text)) return new BoundKnownBlock(k.Path.Text);
        if (derivedFacts.Contains(k.Path.Text))
        {
            Error("CTO3007", $"known() takes a case path or block, not the derived fact '{k.Path.Text}'", k.Path.Range);
            return new BoundConstant(false);
        }
        var field = Field(k.Path, allowDerived: false, out _);
        return field is null ? new BoundConstant(false) : new BoundKnownField(field);
    }

    private BoundCondition BindPathTest(PathTestSyntax p)
    {
        var field = Field(p.Path, allowDerived: true, out var isDerived);
        if (isDerived) return new BoundDerived(p.Path.Text);
        if (field is null) return new BoundConstant(false);
        if (field.Type != FactType.Boolean)
        {
            Error("CTO3006", $"{field.Path} is {Describe(field)}; compare it with a value", p.Range);
            return new BoundConstant(false);
        }
        return new BoundCompare(field, CompareOp.Equal, 1);
    }

    private BoundCondition BindCompare(CompareSyntax c)
    {
        var field = Field(c.Path, allowDerived: false, out _);
        if (field is null) return new BoundConstant(false);
        var ordered = c.Op is CompareOp.Less or CompareOp.LessOrEqual or CompareOp.Greater or CompareOp.GreaterOrEqual;
        if (ordered && field.Type is FactType.Boolean or FactType.Enum)
        {
            Error("CTO3004", $"operator '{BoundCompare.Symbol(c.Op)}' cannot be used with {field.Path} ({Describe(field)})", c.Range);
            return new BoundConstant(false);
        }
        var value = Literal(field, c.Value);
        return value is null ? new BoundConstant(false) : new BoundCompare(field, c.Op, value.Value);
    }

    private BoundCondition BindIn(InSyntax i)
    {
        var field = Field(i.Path, allowDerived: false, out _);
        if (field is null) return new BoundConstant(false);
        if (field.Type == FactType.Boolean)
        {
            Error("CTO3004", $"operator 'in' cannot be used with {field.Path} ({Describe(field)})", i.Range);
            return new BoundConstant(false);
        }
        var values = i.Values.Select(v => Literal(field, v)).ToList();
        if (values.Any(v => v is null)) return new BoundConstant(false);
        return new BoundIn(field, [.. values.Select(v => v!.Value)], i.Negated);
    }

    private BoundCondition BindScore(ScoreCompareSyntax s)
    {
        var name = s.Score.Text;
        if (!scores.TryGetValue(name, out var max))
        {
            Error("CTO3011", $"unknown score '{name}'{Suggestions.DidYouMean(name, scores.Keys)}", s.Score.Range);
            return new BoundConstant(false);
        }
        if (s.Value.Kind != LiteralKind.Number)
        {
            Error("CTO3003", $"score({name}) is a number of points and cannot be compared with {DescribeLiteral(s.Value)}", s.Value.Range);
            return new BoundConstant(false);
        }
        if (s.Value.Number < 0 || s.Value.Number > max)
            _warnings.Add(new ConditionError("CTO3005",
                $"{s.Value.Text} is outside the range of score({name}) (0–{Numbers.Format(max)}); the comparison is constant",
                s.Value.Range.Start));
        return new BoundScore(name, s.Op, s.Value.Number);
    }

    /// <summary>Encodes a literal for a field, or reports why it does not fit.</summary>
    private double? Literal(FactField field, LiteralSyntax literal)
    {
        switch (field.Type)
        {
            case FactType.Boolean when literal.Kind == LiteralKind.Boolean:
                return literal.Number;
            case FactType.Number or FactType.Integer when literal.Kind == LiteralKind.Number:
                if (literal.Number < field.Minimum || literal.Number > field.Maximum)
                    _warnings.Add(new ConditionError("CTO3005",
                        $"{literal.Text} is outside the range of {field.Path} ({Numbers.Format(field.Minimum!.Value)}–{Numbers.Format(field.Maximum!.Value)}); the comparison is constant",
                        literal.Range.Start));
                return literal.Number;
            case FactType.Enum when literal.Kind == LiteralKind.Word:
                var index = field.Values.IndexOf(literal.Text, StringComparer.Ordinal);
                if (index >= 0) return index;
                Error("CTO3002",
                    $"'{literal.Text}' is not a value of {field.Path} ({string.Join(", ", field.Values)}){Suggestions.DidYouMean(literal.Text, field.Values)}",
                    literal.Range);
                return null;
            default:
                Error("CTO3003", $"{field.Path} is {Describe(field)} and cannot be compared with {DescribeLiteral(literal)}", literal.Range);
                return null;
        }
    }

    private readonly List<ConditionError> _warnings = [];

    private static string Describe(FactField f) => f.Type switch
    {
        FactType.Boolean => "a boolean",
        FactType.Integer => "an integer",
        FactType.Number => "a number",
        _ => "an enum of " + string.Join(", ", f.Values),
    };

    private static string DescribeLiteral(LiteralSyntax l) => l.Kind switch
    {
        LiteralKind.Number => $"the number {l.Text}",
        LiteralKind.Boolean => $"the boolean {l.Text}",
        _ => $"the value '{l.Text}'",
    };
}
