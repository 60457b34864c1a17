using System.Text;
using CtoRules.Language.Conditions;

namespace CtoRules.Language.Tests;

public class ConditionParserTests
{
    private static ConditionSyntax ParseOk(string text)
    {
        var result = ConditionParser.Parse(text);
        result.Errors.Should().BeEmpty("'{0}' is a valid condition", text);
        result.Success.Should().BeTrue();
        return result.Syntax!;
    }

    private static ConditionError ParseError(string text)
    {
        var result = ConditionParser.Parse(text);
        result.Success.Should().BeFalse("'{0}' is not a valid condition", text);
        result.Syntax.Should().BeNull();
        return result.Errors.Should().ContainSingle().Subject;
    }

    // ---- every grammar form ----------------------------------------------------------------

    [Theory]
    [InlineData("lesion.inStent", "lesion.inStent")]
    [InlineData("heavyCalcification", "heavyCalcification")]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("true", "#true")]
    [InlineData("false", "#false")]
    [InlineData("known(ivus)", "(known ivus)")]
    [InlineData("known(lesion.lengthMm)", "(known lesion.lengthMm)")]
    [InlineData("known (ivus)", "(known ivus)")]
    [InlineData("not heavyCalcification", "(not heavyCalcification)")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("not(a)", "(not a)")]
    public void Parses_primaries_and_not(string text, string expected) =>
        SyntaxText.Render(ParseOk(text)).Should().Be(expected);

    [Theory]
    [InlineData("lesion.lengthMm == 20", "(== lesion.lengthMm n:20)")]
    [InlineData("lesion.lengthMm != 20", "(!= lesion.lengthMm n:20)")]
    [InlineData("lesion.lengthMm < 20", "(< lesion.lengthMm n:20)")]
    [InlineData("lesion.lengthMm <= 20", "(<= lesion.lengthMm n:20)")]
    [InlineData("lesion.lengthMm > 20", "(> lesion.lengthMm n:20)")]
    [InlineData("lesion.lengthMm >= 20", "(>= lesion.lengthMm n:20)")]
    [InlineData("lesion.lengthMm>=20", "(>= lesion.lengthMm n:20)")]
    [InlineData("lesion.lengthMm > -1", "(> lesion.lengthMm n:-1)")]
    [InlineData("lesion.lengthMm<-1", "(< lesion.lengthMm n:-1)")]
    [InlineData("lesion.lengthMm < 2.5", "(< lesion.lengthMm n:2.5)")]
    [InlineData("lesion.lengthMm >= -0.25", "(>= lesion.lengthMm n:-0.25)")]
    [InlineData("lesion.lengthMm <= -1.5", "(<= lesion.lengthMm n:-1.5)")]
    [InlineData("lesion.lengthMm == 007", "(== lesion.lengthMm n:7)")]
    [InlineData("lesion.inStent == true", "(== lesion.inStent b:true)")]
    [InlineData("lesion.inStent != false", "(!= lesion.inStent b:false)")]
    [InlineData("lesion.vessel == LAD", "(== lesion.vessel w:LAD)")]
    [InlineData("procedure.proximalCap == not-attempted", "(== procedure.proximalCap w:not-attempted)")]
    [InlineData("procedure.stage == device-crossing", "(== procedure.stage w:device-crossing)")]
    [InlineData("procedure.stage != stent-optimisation", "(!= procedure.stage w:stent-optimisation)")]
    public void Parses_comparisons_with_every_operator_and_literal(string text, string expected) =>
        SyntaxText.Render(ParseOk(text)).Should().Be(expected);

    [Theory]
    [InlineData("procedure.deviceCrossing in [crossed, uncrossable]", "(in procedure.deviceCrossing [w:crossed w:uncrossable])")]
    [InlineData("procedure.deviceCrossing not in [not-attempted]", "(not-in procedure.deviceCrossing [w:not-attempted])")]
    [InlineData("procedure.balloonExpansion in [not-attempted, incomplete]", "(in procedure.balloonExpansion [w:not-attempted w:incomplete])")]
    [InlineData("x in[a,b]", "(in x [w:a w:b])")]
    [InlineData("x not in[a, b]", "(not-in x [w:a w:b])")]
    [InlineData("x in [1, 2.5, -3]", "(in x [n:1 n:2.5 n:-3])")]
    [InlineData("x in [true]", "(in x [b:true])")]
    public void Parses_in_and_not_in_lists(string text, string expected) =>
        SyntaxText.Render(ParseOk(text)).Should().Be(expected);

    [Theory]
    [InlineData("a or b and c", "(or a (and b c))")]
    [InlineData("a and b or c", "(or (and a b) c)")]
    [InlineData("a and b and c", "(and (and a b) c)")]
    [InlineData("a or b or c", "(or (or a b) c)")]
    [InlineData("not a and b", "(and (not a) b)")]
    [InlineData("not a or not b", "(or (not a) (not b))")]
    [InlineData("a and not b or c", "(or (and a (not b)) c)")]
    [InlineData("(a or b) and c", "(and (or a b) c)")]
    [InlineData("a and (b or c)", "(and a (or b c))")]
    [InlineData("not (a or b)", "(not (or a b))")]
    [InlineData("((a))", "a")]
    [InlineData("(not a) and (b)", "(and (not a) b)")]
    [InlineData("known(ivus) and ivus.calciumDistribution == eccentric or lesion.inStent",
        "(or (and (known ivus) (== ivus.calciumDistribution w:eccentric)) lesion.inStent)")]
    [InlineData("x in [a] or y not in [b] and z", "(or (in x [w:a]) (and (not-in y [w:b]) z))")]
    [InlineData("true and false or true", "(or (and #true #false) #true)")]
    public void Respects_precedence_not_then_and_then_or(string text, string expected) =>
        SyntaxText.Render(ParseOk(text)).Should().Be(expected);

    [Theory]
    [InlineData("a\nand\tb", "(and a b)")]
    [InlineData("a and\r\nb", "(and a b)")]
    [InlineData("  a   or   b  ", "(or a b)")]
    public void Whitespace_of_any_kind_separates_tokens(string text, string expected) =>
        SyntaxText.Render(ParseOk(text)).Should().Be(expected);

    [Theory]
    [InlineData("notable")]
    [InlineData("order")]
    [InlineData("android")]
    [InlineData("inStent")]
    [InlineData("knownFact")]
    [InlineData("trueLumen")]
    [InlineData("falsePositive")]
    [InlineData("And")]
    [InlineData("NOT")]
    public void Words_that_start_with_a_keyword_or_differ_in_case_are_paths(string word) =>
        SyntaxText.Render(ParseOk(word + " and x")).Should().Be($"(and {word} x)");

    [Fact]
    public void Keywords_are_lower_case_only()
    {
        var e = ParseError("a == 1 AND b");
        e.Should().Be(new ConditionError("CTO2001", "unexpected path or value `AND`", 7));
    }

    [Fact]
    public void Records_ranges_of_paths_literals_and_comparisons()
    {
        var c = ParseOk("lesion.lengthMm >= 20").Should().BeOfType<CompareSyntax>().Subject;
        c.Range.Should().Be(new TextRange(0, 21));
        c.Path.Range.Should().Be(new TextRange(0, 15));
        c.Value.Range.Should().Be(new TextRange(19, 2));
        c.Value.Kind.Should().Be(LiteralKind.Number);
        c.Value.Number.Should().Be(20);

        var i = ParseOk("x not in [a, bb]").Should().BeOfType<InSyntax>().Subject;
        i.Range.Should().Be(new TextRange(0, 16));
        i.Negated.Should().BeTrue();
        i.Values.Select(v => v.Range).Should().Equal(new TextRange(10, 1), new TextRange(13, 2));

        var k = ParseOk("known(ivus)").Should().BeOfType<KnownSyntax>().Subject;
        k.Range.Should().Be(new TextRange(0, 11));
        k.Path.Range.Should().Be(new TextRange(6, 4));

        var n = ParseOk("not a").Should().BeOfType<NotSyntax>().Subject;
        n.Range.Should().Be(new TextRange(0, 5));
    }

    [Fact]
    public void Literal_kinds_and_values_are_recorded()
    {
        var values = ParseOk("x in [-3.25, true, false, not-attempted]").Should().BeOfType<InSyntax>().Subject.Values;
        values.Select(v => v.Kind).Should().Equal(LiteralKind.Number, LiteralKind.Boolean, LiteralKind.Boolean, LiteralKind.Word);
        values[0].Number.Should().Be(-3.25);
        values[1].Number.Should().Be(1);
        values[2].Number.Should().Be(0);
        values[3].Text.Should().Be("not-attempted");
        double.IsNaN(values[3].Number).Should().BeTrue();
    }

    /// <summary>
    /// BUG: a parenthesised group yields its inner node with the inner range, so the ranges of
    /// enclosing nodes stop before the closing parenthesis or start after the opening one.
    /// </summary>
    [Fact]
    public void Ranges_of_enclosing_nodes_cover_their_parentheses()
    {
        ParseOk("not (a or b)").Range.Should().Be(new TextRange(0, 12), "'not (a or b)' is 12 characters long");
        ParseOk("(a or b) and c").Range.Should().Be(new TextRange(0, 14), "'(a or b) and c' starts at 0 and is 14 characters long");
    }

    // ---- syntax errors (CTO2001) -----------------------------------------------------------

    [Theory]
    [InlineData("", 0, "the condition is empty")]
    [InlineData("   ", 0, "the condition is empty")]
    [InlineData("lesion.lengthMm >", 17, "unexpected end of input, expected value")]
    [InlineData("a ==", 4, "unexpected end of input, expected value")]
    [InlineData("a != ", 5, "unexpected end of input, expected value")]
    [InlineData("a == == b", 5, "unexpected operator `==`, expected value")]
    [InlineData("(a == 1", 7, "unexpected end of input, expected `)`")]
    [InlineData("((a)", 4, "unexpected end of input, expected `)`")]
    [InlineData("known(a", 7, "unexpected end of input, expected `)`")]
    [InlineData("known(a b)", 8, "unexpected path or value `b`, expected `)`")]
    [InlineData("a == 1)", 6, "unexpected `)`")]
    [InlineData(")", 0, "unexpected `)`, expected `not` or condition")]
    [InlineData("()", 1, "unexpected `)`, expected `not` or condition")]
    [InlineData("a and", 5, "unexpected end of input, expected `not` or condition")]
    [InlineData("and a", 0, "unexpected keyword `and`, expected `not` or condition")]
    [InlineData("a == 1 and or b", 11, "unexpected keyword `or`, expected `not` or condition")]
    [InlineData("not", 3, "unexpected end of input, expected `not` or condition")]
    [InlineData("1 == a", 0, "unexpected number `1`, expected `not` or condition")]
    [InlineData("a in [x", 7, "unexpected end of input, expected `]`")]
    [InlineData("a in [x,]", 8, "unexpected `]`, expected value")]
    [InlineData("a not in x", 9, "unexpected path or value `x`, expected `[`")]
    [InlineData("a in [x] [y]", 9, "unexpected `[`")]
    [InlineData("a b", 2, "unexpected path or value `b`")]
    [InlineData("true false", 5, "unexpected keyword `false`")]
    [InlineData("a < 1 < 2", 6, "unexpected operator `<`")]
    public void Syntax_errors_give_CTO2001_with_message_and_offset(string text, int offset, string message) =>
        ParseError(text).Should().Be(new ConditionError("CTO2001", message, offset));

    /// <summary>The offset is right but the message says "word" for a path (reported as unclear).</summary>
    [Fact]
    public void Known_without_a_path_is_CTO2001_at_the_closing_parenthesis()
    {
        var e = ParseError("known()");
        e.Code.Should().Be("CTO2001");
        e.Offset.Should().Be(6);
    }

    /// <summary>
    /// BUG: the grammar requires at least one literal in a list (<c>"[" literal { "," literal } "]"</c>)
    /// but the parser accepts <c>[]</c>, which then binds to a condition that can never hold.
    /// </summary>
    [Fact]
    public void An_empty_in_list_is_a_syntax_error()
    {
        var e = ParseError("lesion.vessel in []");
        e.Code.Should().Be("CTO2001");
        e.Offset.Should().Be(18, "the ']' at offset 18 is where a value is expected");
        e.Message.Should().Contain("`]`");
    }

    // ---- invalid characters (CTO2002) ------------------------------------------------------

    [Theory]
    [InlineData("a $ b", 2, "unexpected `$`")]
    [InlineData("a @ b", 2, "unexpected `@`")]
    [InlineData("lesion.lengthMm > 20 $", 21, "unexpected `$`")]
    [InlineData("a == \"x\"", 5, "unexpected `\"`")]
    [InlineData("-a", 0, "unexpected `-`")]
    [InlineData("a == -", 5, "unexpected `-`")]
    public void Invalid_characters_give_CTO2002_with_message_and_offset(string text, int offset, string message) =>
        ParseError(text).Should().Be(new ConditionError("CTO2002", message, offset));

    /// <summary>Malformed numbers are rejected (the message, "unexpected `1`", is reported as unclear).</summary>
    [Theory]
    [InlineData("a == 1.", 5)]
    [InlineData("a == 1e5", 5)]
    [InlineData("a == 1.5.2", 5)]
    [InlineData("a == 12abc", 5)]
    [InlineData("a==1or b", 3)]
    public void Malformed_numbers_give_CTO2002_at_the_number(string text, int offset)
    {
        var e = ParseError(text);
        e.Code.Should().Be("CTO2002");
        e.Offset.Should().Be(offset);
    }

    /// <summary>
    /// BUG: when a character cannot start a token right after a word (<c>a!</c>, <c>a.b.</c>,
    /// <c>a = 1</c>) the tokenizer reports its failed attempt to read the keyword <c>and</c> or
    /// the operator <c>==</c>: "invalid character: invalid `and`, unexpected `!`, expected `n` at
    /// line 1, column 2", at the offset of the word instead of the offending character, with a
    /// second, different position inside the message.
    /// </summary>
    [Theory]
    [InlineData("a!", 1, "`!`")]
    [InlineData("lesion.inStent!", 14, "`!`")]
    [InlineData("a.b.", 3, "`.`")]
    [InlineData("a = 1", 2, "`=`")]
    public void An_invalid_character_after_a_word_is_reported_at_that_character(string text, int offset, string shown)
    {
        var e = ParseError(text);
        e.Code.Should().Be("CTO2002");
        e.Offset.Should().Be(offset);
        e.Message.Should().Contain(shown);
        e.Message.Should().NotContain("`and`").And.NotContain("invalid `==`").And.NotContain("line 1, column");
    }

    // ---- nesting (CTO2003) and length (CTO2004) ----------------------------------------------

    private static string Parens(int n, string inner = "a") => new string('(', n) + inner + new string(')', n);

    private static string Nots(int n, string inner = "a") => string.Concat(Enumerable.Repeat("not ", n)) + inner;

    private static string TooDeep => $"condition is nested deeper than {ConditionParser.MaxDepth} levels";

    [Fact]
    public void Nesting_up_to_MaxDepth_is_accepted()
    {
        SyntaxText.Render(ParseOk(Parens(ConditionParser.MaxDepth))).Should().Be("a");
        ParseOk(Nots(ConditionParser.MaxDepth)).Should().BeOfType<NotSyntax>();
    }

    [Fact]
    public void One_parenthesis_too_many_is_CTO2003_at_that_parenthesis() =>
        ParseError(Parens(ConditionParser.MaxDepth + 1))
            .Should().Be(new ConditionError("CTO2003", TooDeep, ConditionParser.MaxDepth));

    [Fact]
    public void One_not_too_many_is_CTO2003_at_that_not() =>
        ParseError(Nots(ConditionParser.MaxDepth + 1))
            .Should().Be(new ConditionError("CTO2003", TooDeep, 4 * ConditionParser.MaxDepth));

    [Fact]
    public void A_thousand_nested_parentheses_are_CTO2003_not_a_stack_overflow() =>
        ParseError(Parens(1000)).Should().Be(new ConditionError("CTO2003", TooDeep, ConditionParser.MaxDepth));

    [Fact]
    public void Nine_hundred_nots_are_CTO2003_not_a_stack_overflow() =>
        ParseError(Nots(900)).Should().Be(new ConditionError("CTO2003", TooDeep, 4 * ConditionParser.MaxDepth));

    [Fact]
    public void Brackets_count_towards_the_depth() =>
        ParseError(Parens(ConditionParser.MaxDepth, "x in [a]"))
            .Should().Be(new ConditionError("CTO2003", TooDeep, ConditionParser.MaxDepth + 5));

    /// <summary>Ten thousand levels are longer than MaxLength: refused as too long, before any parsing.</summary>
    [Theory]
    [InlineData("parentheses")]
    [InlineData("nots")]
    [InlineData("not-parentheses")]
    public void Ten_thousand_levels_are_refused_without_a_stack_overflow(string kind)
    {
        var text = kind switch
        {
            "parentheses" => Parens(10_000),
            "nots" => Nots(10_000),
            _ => string.Concat(Enumerable.Repeat("not (", 10_000)) + "a" + new string(')', 10_000),
        };
        ParseError(text).Should().Be(new ConditionError("CTO2004", $"condition is longer than {ConditionParser.MaxLength} characters", 0));
    }

    /// <summary>
    /// BUG: CheckDepth resets its count of <c>not</c>s at every parenthesis, although the
    /// <c>not</c>s before a parenthesis still enclose it. Runs of <c>not</c>s between
    /// parentheses therefore nest far deeper than MaxDepth: this 2,060-character condition nests
    /// 527 levels (496 <c>not</c>s inside 31 parentheses) and is accepted.
    /// </summary>
    [Fact]
    public void Nots_before_parentheses_count_towards_the_depth()
    {
        var sb = new StringBuilder();
        for (var level = 0; level < 32; level++)
        {
            sb.Insert(sb.Length, "not ", 31 - level);
            if (level < 31) sb.Append('(');
        }
        sb.Append("lesion.inStent").Append(')', 31);
        var text = sb.ToString();
        text.Length.Should().BeLessThan(ConditionParser.MaxLength);

        var result = ConditionParser.Parse(text);
        result.Success.Should().BeFalse("the condition nests 527 levels, far deeper than MaxDepth");
        result.Errors.Should().ContainSingle().Which.Code.Should().Be("CTO2003");
    }

    [Fact]
    public void Long_chains_of_and_are_not_nesting()
    {
        var text = string.Join(" and ", Enumerable.Repeat("lesion.inStent", 200));
        text.Length.Should().BeLessThanOrEqualTo(ConditionParser.MaxLength);
        ParseOk(text).Should().BeOfType<AndSyntax>();
    }

    [Fact]
    public void A_condition_of_exactly_MaxLength_characters_is_accepted() =>
        ParseOk(new string('a', ConditionParser.MaxLength)).Should().BeOfType<PathTestSyntax>();

    [Fact]
    public void A_condition_longer_than_MaxLength_is_CTO2004() =>
        ParseError(new string('a', ConditionParser.MaxLength + 1))
            .Should().Be(new ConditionError("CTO2004", "condition is longer than 4000 characters", 0));

    [Fact]
    public void A_blank_condition_longer_than_MaxLength_is_CTO2004() =>
        ParseError(new string(' ', ConditionParser.MaxLength + 1)).Code.Should().Be("CTO2004");
}
