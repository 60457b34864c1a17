using Superpower;
using Superpower.Model;

namespace CtoRules.Language.Conditions;

/// <summary>
/// The tokenizer of the condition language: a Superpower <see cref="Tokenizer{TKind}"/> written
/// by hand (as Superpower's own samples do) so that every bad character is reported where it is,
/// with a message that says what to write instead.
/// </summary>
public sealed class ConditionTokenizer : Tokenizer<ConditionToken>
{
    public static ConditionTokenizer Instance { get; } = new();

    private static readonly Dictionary<string, ConditionToken> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = ConditionToken.And,
        ["or"] = ConditionToken.Or,
        ["not"] = ConditionToken.Not,
        ["in"] = ConditionToken.In,
        ["known"] = ConditionToken.Known,
        ["score"] = ConditionToken.Score,
        ["true"] = ConditionToken.True,
        ["false"] = ConditionToken.False,
    };

    protected override IEnumerable<Result<ConditionToken>> Tokenize(TextSpan span)
    {
        var next = SkipWhiteSpace(span);
        while (next.HasValue)
        {
            var start = next.Location;
            var c = next.Value;
            var rest = next.Remainder;
            switch (c)
            {
                case '(': yield return Result.Value(ConditionToken.LParen, start, next.Remainder); break;
                case ')': yield return Result.Value(ConditionToken.RParen, start, next.Remainder); break;
                case '[': yield return Result.Value(ConditionToken.LBracket, start, next.Remainder); break;
                case ']': yield return Result.Value(ConditionToken.RBracket, start, next.Remainder); break;
                case ',': yield return Result.Value(ConditionToken.Comma, start, next.Remainder); break;
                case '=' or '!' or '<' or '>':
                {
                    var second = next.Remainder.ConsumeChar();
                    if (second.HasValue && second.Value == '=')
                    {
                        var kind = c switch { '=' => ConditionToken.Equal, '!' => ConditionToken.NotEqual, '<' => ConditionToken.LessOrEqual, _ => ConditionToken.GreaterOrEqual };
                        yield return Result.Value(kind, start, second.Remainder);
                        rest = second.Remainder;
                    }
                    else if (c is '<' or '>')
                        yield return Result.Value(c == '<' ? ConditionToken.Less : ConditionToken.Greater, start, next.Remainder);
                    else
                    {
                        yield return Result.Empty<ConditionToken>(start, c == '=' ? "unexpected `=`; use `==` to compare" : "unexpected `!`; did you mean `!=`?");
                        yield break;
                    }
                    break;
                }
                default:
                    if (char.IsAsciiDigit(c) || (c == '-' && next.Remainder.ConsumeChar() is { HasValue: true } d && char.IsAsciiDigit(d.Value)))
                    {
                        var end = ScanWhile(next.Remainder, ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-');
                        var text = start.Until(end).ToStringValue();
                        if (!IsNumber(text))
                        {
                            yield return Result.Empty<ConditionToken>(start, $"malformed number `{text}`");
                            yield break;
                        }
                        yield return Result.Value(ConditionToken.Number, start, end);
                        rest = end;
                    }
                    else if (char.IsAsciiLetter(c))
                    {
                        var (end, error) = ScanWord(next.Remainder);
                        if (error.HasValue)
                        {
                            yield return Result.Empty<ConditionToken>(error.Value, $"unexpected `{error.Value.ConsumeChar().Value}`");
                            yield break;
                        }
                        var word = start.Until(end).ToStringValue();
                        yield return Result.Value(Keywords.GetValueOrDefault(word, ConditionToken.Word), start, end);
                        rest = end;
                    }
                    else
                    {
                        yield return Result.Empty<ConditionToken>(start, $"unexpected `{c}`");
                        yield break;
                    }
                    break;
            }
            next = SkipWhiteSpace(rest);
        }
    }

    /// <summary>A path: words of letters, digits, '_' and '-' joined by single dots.</summary>
    private static (TextSpan End, TextSpan? Error) ScanWord(TextSpan rest)
    {
        while (true)
        {
            rest = ScanWhile(rest, ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-');
            var dot = rest.ConsumeChar();
            if (!dot.HasValue || dot.Value != '.') return (rest, null);
            var after = dot.Remainder.ConsumeChar();
            if (!after.HasValue || !char.IsAsciiLetter(after.Value)) return (rest, rest);
            rest = after.Remainder;
        }
    }

    private static TextSpan ScanWhile(TextSpan rest, Func<char, bool> predicate)
    {
        var c = rest.ConsumeChar();
        while (c.HasValue && predicate(c.Value))
        {
            rest = c.Remainder;
            c = rest.ConsumeChar();
        }
        return rest;
    }

    private static bool IsNumber(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^-?[0-9]+(\\.[0-9]+)?$");
}
