using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>YAML to JSON conversion: scalar typing by the YAML 1.2 core schema, and its limits.</summary>
public class YamlJsonTests
{
    private static JsonNode? Value(string scalar) => YamlJson.YamlToJson("v: " + scalar)!["v"];

    private static JsonValueKind KindOf(string scalar) => Value(scalar)?.GetValueKind() ?? JsonValueKind.Null;

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("True", "true")]
    [InlineData("12", "12")]
    [InlineData("-3", "-3")]
    [InlineData("+7", "7")]
    [InlineData("007", "7")]
    [InlineData("2.75", "2.75")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("1e3", "1e3")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("severe", "\"severe\"")]
    [InlineData("stent-optimisation", "\"stent-optimisation\"")]
    [InlineData("ctorules/case@1", "\"ctorules/case@1\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("\"12\"", "\"12\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("off", "\"off\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("!!str 12", "\"12\"")]
    [InlineData("! true", "\"true\"")]
    [InlineData("!!int 0x10", "16")]
    [InlineData("!!float 2", "2")]
    [InlineData("!!bool false", "false")]
    public void Scalars_are_typed_like_json(string yaml, string json)
    {
        Value(yaml)!.ToJsonString().Should().Be(json);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("NULL")]
    [InlineData("!!null ~")]
    public void Null_forms_are_null(string yaml)
    {
        KindOf(yaml).Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Numbers_behave_as_numbers_parsed_from_json()
    {
        Value("4")!.GetValue<int>().Should().Be(4);
        Value("35.5")!.GetValue<double>().Should().Be(35.5);
        Value("0x10")!.GetValue<long>().Should().Be(16);
    }

    [Fact]
    public void Block_scalars_stay_strings()
    {
        YamlJson.YamlToJson("v: |\n  12\n")!["v"]!.GetValue<string>().Should().Be("12\n");
    }

    [Fact]
    public void Structure_and_key_order_are_kept()
    {
        var node = YamlJson.YamlToJson("""
            b: [1, two, { c: true }]
            a:
              - x
              - null
            """);

        node!.ToJsonString().Should().Be("{\"b\":[1,\"two\",{\"c\":true}],\"a\":[\"x\",null]}");
    }

    [Fact]
    public void Keys_are_always_strings()
    {
        YamlJson.YamlToJson("1: a\ntrue: b\n")!.ToJsonString().Should().Be("{\"1\":\"a\",\"true\":\"b\"}");
    }

    [Fact]
    public void Empty_text_and_a_null_document_are_null()
    {
        YamlJson.YamlToJson("").Should().BeNull();
        YamlJson.YamlToJson("# only a comment\n").Should().BeNull();
        YamlJson.YamlToJson("---\n~\n").Should().BeNull();
    }

    [Fact]
    public void Aliases_are_copied()
    {
        var node = YamlJson.YamlToJson("a: &x { q: 1 }\nb: *x\n")!;

        node.ToJsonString().Should().Be("{\"a\":{\"q\":1},\"b\":{\"q\":1}}");
        ReferenceEquals(node["a"], node["b"]).Should().BeFalse();
    }

    [Fact]
    public void Alias_expansion_is_bounded()
    {
        // "Billion laughs": each level doubles ten times; unbounded it would be 10^9 values.
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 9; i++)
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");

        var act = () => YamlJson.YamlToJson(string.Join("\n", lines));

        act.Should().Throw<YamlJsonException>().Which.Reason.Should().Be("aliases expand to more than 100000 values");
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "duplicate property 'a'", 2, 1, "a")]
    [InlineData("a:\n  b: 1\n  b: 2\n", "duplicate property 'b'", 3, 3, "a.b")]
    [InlineData("a: *nope\n", "unknown alias '*nope'", 1, 4, null)]
    [InlineData("a: !custom x\n", "unsupported tag '!custom'", 1, 4, null)]
    [InlineData("a: !!int x\n", "'x' is not a valid !!int", 1, 4, null)]
    [InlineData("? [a]\n: 1\n", "a key must be a plain value, not a list, mapping or alias", 1, 3, null)]
    [InlineData("a: 1\n---\nb: 2\n", "expected a single YAML document, found another", 2, 1, null)]
    public void Problems_are_reported_with_their_location(string yaml, string reason, long line, long column, string? path)
    {
        var ex = FluentActions.Invoking(() => YamlJson.YamlToJson(yaml)).Should().Throw<YamlJsonException>().Which;

        ex.Reason.Should().Be(reason);
        (ex.Line, ex.Column).Should().Be((line, column));
        ex.Path.Should().Be(path);
        ex.Message.Should().Be($"line {line}, column {column}: {reason}");
    }

    [Fact]
    public void Syntax_errors_carry_the_parser_message()
    {
        var ex = FluentActions.Invoking(() => YamlJson.YamlToJson("a: 'open\n")).Should().Throw<YamlJsonException>().Which;

        ex.Reason.Should().Contain("quoted scalar");
        ex.Path.Should().BeNull();
    }

    [Fact]
    public void Nesting_is_bounded_like_json()
    {
        var ok = new string('[', 64) + new string(']', 64);
        var deep = new string('[', 65) + new string(']', 65);

        YamlJson.YamlToJson(ok).Should().NotBeNull();
        FluentActions.Invoking(() => YamlJson.YamlToJson(deep)).Should().Throw<YamlJsonException>()
            .Which.Reason.Should().Be("nesting is deeper than 64 levels");
    }
}
