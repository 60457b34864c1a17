using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>
/// Inputs the fuzzer (tools/fuzz case-json, case-yaml) found mishandled, and the hostile shapes of
/// issue 15's catalogue: each gets one exact, located error, never an exception.
/// </summary>
public sealed class FuzzRegressionTests
{
    private const string Head = "schema: ctorules/case@1\nid: c\nprocedure:\n  stage: planning\n";

    private static CaseError Single(CaseReadResult r)
    {
        r.IsValid.Should().BeFalse();
        r.Errors.Should().HaveCount(1);
        return r.Errors[0];
    }

    [Fact]
    public void An_empty_property_name_gets_a_bracket_path_that_names_it()
    {
        // The fuzzer's find: the error's path was "", which names nothing.
        Single(CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"id\":\"c\",\"procedure\":{\"stage\":\"planning\"},\"\":1}"))
            .Should().Be(new CaseError("$['']", "unknown property ''"));
        Single(CaseReader.ReadYaml(Head + "lesion:\n  'a.b': 1\n"))
            .Should().Be(new CaseError("lesion['a.b']", "unknown property 'a.b'"));
    }

    [Fact]
    public void A_yaml_tag_that_is_not_a_uri_is_a_located_error()
    {
        // YamlDotNet threw ArgumentException ("Global tags must be valid URIs") without a location.
        Single(CaseReader.ReadYaml(Head + "lesion:\n  lengthMm: !!int[[ 3\n")).Should().Be(new CaseError("$",
            "malformed YAML at line 6, column 11: cannot parse the YAML after this point: Global tags must be valid URIs."));
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused_with_a_clear_error_without_being_expanded()
    {
        // "Billion laughs": nine levels of ten aliases each would be 10^9 values; a few hundred bytes.
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 9; i++) lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Single(CaseReader.ReadYaml(string.Join("\n", lines)));

        error.Should().Be(new CaseError("$", "malformed YAML at line 5, column 45: aliases expand to more than 100000 values"));
        // Not expanded: a billion values would be tens of GB; the refusal costs a few MB at most.
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public void Nan_and_infinity_are_not_json_numbers()
    {
        CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"id\":\"c\",\"procedure\":{\"stage\":\"planning\"},\"lesion\":{\"lengthMm\":NaN}}")
            .Errors.Single().ToString().Should().Be("$: malformed JSON at line 1, column 92: 'N' is an invalid start of a value.");
        CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"id\":\"c\",\"procedure\":{\"stage\":\"planning\"},\"lesion\":{\"lengthMm\":Infinity}}")
            .Errors.Single().ToString().Should().Be("$: malformed JSON at line 1, column 92: 'I' is an invalid start of a value.");
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    public void Yaml_nan_and_infinity_are_refused_not_stored(string value) =>
        // JSON has no NaN or infinity, so neither has case@1: they stay text, and text is not a number.
        Single(CaseReader.ReadYaml(Head + $"lesion:\n  lengthMm: {value}\n")).ToString().Should().Be("lesion.lengthMm: expected a number, got a string");

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_one_located_error()
    {
        var deep = "{\"schema\":\"ctorules/case@1\",\"id\":\"c\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        Single(CaseReader.ReadJson(deep)).ToString().Should().Be("$: malformed JSON at line 1, column 105: The maximum configured depth of 64 has been exceeded. Cannot read next JSON array.");
    }

    [Fact]
    public void Yaml_nested_deeper_than_the_limit_is_one_located_error_on_a_small_stack()
    {
        // On a 256 KiB stack: the reader must bound its nesting, not rely on a large stack.
        CaseReadResult? result = null;
        var thread = new Thread(() => result = CaseReader.ReadYaml(Head + "x: " + new string('[', 20_000)), 256 * 1024);
        thread.Start();
        thread.Join();
        Single(result!).ToString().Should().Be("$: malformed YAML at line 5, column 67: nesting is deeper than 64 levels");
    }

    [Fact]
    public void Empty_and_whitespace_input_is_one_error_at_the_root()
    {
        Single(CaseReader.ReadJson("")).ToString().Should().Be("$: malformed JSON at line 1, column 1: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true.");
        Single(CaseReader.ReadYaml("")).Should().Be(new CaseError("$", "expected an object, got null"));
        Single(CaseReader.ReadYaml("  \n# only a comment\n")).Should().Be(new CaseError("$", "expected an object, got null"));
    }

    [Fact]
    public void Binary_input_is_refused_as_invalid_utf8_with_its_offset()
    {
        Single(CaseReader.ReadUtf8Json([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            .Should().Be(new CaseError("$", "invalid UTF-8 at line 1, column 1 (byte 0x89 at offset 0); the text must be UTF-8"));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_in_json_and_yaml()
    {
        CaseReader.ReadUtf8Json([0xEF, 0xBB, 0xBF, .. "{\"schema\":\"ctorules/case@1\",\"id\":\"c\",\"procedure\":{\"stage\":\"planning\"}}"u8]).IsValid.Should().BeTrue();
        CaseReader.ReadYaml("\uFEFF" + Head).IsValid.Should().BeTrue();
    }
}
