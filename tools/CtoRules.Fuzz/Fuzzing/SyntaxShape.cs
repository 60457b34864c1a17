using System.Globalization;
using System.Text;
using CtoRules.Language.Conditions;

namespace CtoRules.Fuzz.Fuzzing;

/// <summary>
/// A fully parenthesised rendering of a syntax tree without its text ranges: two trees have the
/// same shape exactly when they have the same nodes, operators and literals. Deliberately not the
/// printer, so that a printer bug cannot hide itself.
/// </summary>
public static class SyntaxShape
{
    public static string Of(ConditionSyntax syntax)
    {
        var text = new StringBuilder();
        Write(syntax, text);
        return text.ToString();
    }

    private static void Write(ConditionSyntax syntax, StringBuilder s)
    {
        switch (syntax)
        {
            case AndSyntax a: s.Append("(and "); Write(a.Left, s); s.Append(' '); Write(a.Right, s); s.Append(')'); break;
            case OrSyntax o: s.Append("(or "); Write(o.Left, s); s.Append(' '); Write(o.Right, s); s.Append(')'); break;
            case NotSyntax n: s.Append("(not "); Write(n.Operand, s); s.Append(')'); break;
            case ConstantSyntax c: s.Append(c.Value ? "#t" : "#f"); break;
            case KnownSyntax k: s.Append("(known ").Append(k.Path.Text).Append(')'); break;
            case PathTestSyntax p: s.Append("(test ").Append(p.Path.Text).Append(')'); break;
            case CompareSyntax c: s.Append("(cmp ").Append(c.Path.Text).Append(' ').Append(c.Op).Append(' ').Append(Lit(c.Value)).Append(')'); break;
            case ScoreCompareSyntax c: s.Append("(score ").Append(c.Score.Text).Append(' ').Append(c.Op).Append(' ').Append(Lit(c.Value)).Append(')'); break;
            case InSyntax i: s.Append(i.Negated ? "(notin " : "(in ").Append(i.Path.Text).Append(" [").AppendJoin(' ', i.Values.Select(Lit)).Append("])"); break;
            default: throw new ArgumentException(syntax.GetType().Name);
        }
    }

    private static string Lit(LiteralSyntax l) => $"{l.Kind}:{l.Text}:{l.Number.ToString("R", CultureInfo.InvariantCulture)}";
}
