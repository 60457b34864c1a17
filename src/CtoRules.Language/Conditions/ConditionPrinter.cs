using System.Text;

namespace CtoRules.Language.Conditions;

/// <summary>
/// Prints a condition's syntax tree back as condition text, with the fewest parentheses that keep
/// its shape: parsing the printed text gives the same tree (a property test checks it over
/// generated conditions). Literals keep the text they were written with.
/// </summary>
public static class ConditionPrinter
{
    // Binding strength: or < and < not < everything else. The parser chains and/or to the left.
    private static int Strength(ConditionSyntax s) => s switch
    {
        OrSyntax => 1,
        AndSyntax => 2,
        NotSyntax => 3,
        _ => 4,
    };

    public static string Print(ConditionSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var text = new StringBuilder();
        Write(syntax, text);
        return text.ToString();
    }

    private static void Write(ConditionSyntax syntax, StringBuilder text)
    {
        switch (syntax)
        {
            case OrSyntax o:
                Operand(o.Left, 1, text);
                text.Append(" or ");
                Operand(o.Right, 2, text);
                break;
            case AndSyntax a:
                Operand(a.Left, 2, text);
                text.Append(" and ");
                Operand(a.Right, 3, text);
                break;
            case NotSyntax n:
                text.Append("not ");
                Operand(n.Operand, 3, text);
                break;
            case ConstantSyntax c:
                text.Append(c.Value ? "true" : "false");
                break;
            case KnownSyntax k:
                text.Append("known(").Append(k.Path.Text).Append(')');
                break;
            case PathTestSyntax p:
                text.Append(p.Path.Text);
                break;
            case CompareSyntax c:
                text.Append(c.Path.Text).Append(' ').Append(Op(c.Op)).Append(' ').Append(c.Value.Text);
                break;
            case ScoreCompareSyntax s:
                text.Append("score(").Append(s.Score.Text).Append(") ").Append(Op(s.Op)).Append(' ').Append(s.Value.Text);
                break;
            case InSyntax i:
                text.Append(i.Path.Text).Append(i.Negated ? " not in [" : " in [")
                    .AppendJoin(", ", i.Values.Select(v => v.Text)).Append(']');
                break;
            default:
                throw new ArgumentException($"unknown condition syntax {syntax.GetType().Name}", nameof(syntax));
        }
    }

    /// <summary>An operand binding less tightly than its place needs is put in parentheses.</summary>
    private static void Operand(ConditionSyntax operand, int needed, StringBuilder text)
    {
        if (Strength(operand) >= needed)
        {
            Write(operand, text);
            return;
        }
        text.Append('(');
        Write(operand, text);
        text.Append(')');
    }

    public static string Op(CompareOp op) => op switch
    {
        CompareOp.Equal => "==",
        CompareOp.NotEqual => "!=",
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        CompareOp.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
