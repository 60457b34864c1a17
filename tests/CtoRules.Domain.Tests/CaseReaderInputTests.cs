using System.Text;
using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>Input that is not a case at all: too large, malformed, duplicated keys, files.</summary>
public sealed class CaseReaderInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-cases-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A valid JSON case padded with whitespace to exactly <paramref name="bytes"/> bytes.</summary>
    private static string PaddedJson(int bytes)
    {
        var json = CaseText.Json(CaseText.Planning);
        return json[..^1] + new string(' ', bytes - Encoding.UTF8.GetByteCount(json)) + "}";
    }

    [Fact]
    public void Input_of_exactly_one_mebibyte_is_read()
    {
        CaseReader.ReadJson(PaddedJson(CaseSchema.MaxInputBytes)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Input_over_one_mebibyte_is_refused_with_one_error()
    {
        var text = PaddedJson(CaseSchema.MaxInputBytes + 1);

        CaseReader.ReadJson(text).Errors.Should().Equal(
            new CaseError("$", "the input is 1048577 bytes, over the limit of 1048576 bytes (1 MiB)"));
        CaseReader.ReadYaml(text).Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void The_limit_is_measured_in_utf8_bytes_not_characters()
    {
        // 600,000 characters, but 1,200,000 bytes in UTF-8.
        var text = "# " + new string('é', 600_000) + "\nschema: ctorules/case@1\n";
        text.Length.Should().BeLessThan(CaseSchema.MaxInputBytes);

        CaseReader.ReadYaml(text).Errors.Should().Equal(
            new CaseError("$", "the input is 1200027 bytes, over the limit of 1048576 bytes (1 MiB)"));
    }

    [Theory]
    [InlineData("{\"schema\": tru }", "malformed JSON at line 1, column 15: ")]
    [InlineData("{\n  \"id\": \"a\",\n}", "malformed JSON at line 3, column 1: ")]
    [InlineData("{\"description\": \"é\" \"id\"}", "malformed JSON at line 1, column 21: ")]
    [InlineData("", "malformed JSON at line 1, column 1: ")]
    [InlineData("{} {}", "malformed JSON at line 1, column 4: ")]
    public void Malformed_json_is_one_error_with_line_and_column(string json, string start)
    {
        var error = CaseReader.ReadJson(json).Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("$");
        error.Message.Should().StartWith(start);
        error.Message.Should().NotContain("LineNumber").And.NotContain("BytePositionInLine");
        error.Message.Length.Should().BeGreaterThan(start.Length, "the parser's reason follows the location");
    }

    [Fact]
    public void Json_nested_too_deep_is_malformed_not_a_crash()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);
        CaseReader.ReadJson(json).Errors.Should().ContainSingle().Which.Message.Should().StartWith("malformed JSON at line 1, column 65: ");
    }

    [Theory]
    [InlineData("schema: ctorules/case@1\nid: a\n procedure: x\n", "malformed YAML at line 3, column 11: ")]
    [InlineData("id: 'unterminated\n", "malformed YAML at line 1, column 5: ")]
    [InlineData("a: [1, 'x'\nb: 2", "malformed YAML at line ")]
    [InlineData("a: 1\n---\nb: 2\n", "malformed YAML at line 2, column 1: expected a single YAML document, found another")]
    public void Malformed_yaml_is_one_error_with_line_and_column(string yaml, string start)
    {
        var error = CaseReader.ReadYaml(yaml).Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("$");
        error.Message.Should().StartWith(start);
    }

    [Fact]
    public void Empty_yaml_is_not_a_case()
    {
        CaseReader.ReadYaml("# nothing here\n").Errors.Should().Equal(new CaseError("$", "expected an object, got null"));
    }

    [Fact]
    public void Duplicate_json_property_is_reported_at_its_path_and_line()
    {
        var json = "{\"schema\":\"ctorules/case@1\",\"id\":\"a\",\n\"lesion\":{\"lengthMm\":30,\n  \"lengthMm\":40},\"procedure\":{\"stage\":\"planning\"}}";

        CaseReader.ReadJson(json).Errors.Should().Equal(
            new CaseError("lesion.lengthMm", "duplicate property 'lengthMm' at line 3, column 3"));
    }

    [Fact]
    public void Duplicate_yaml_key_is_reported_at_its_path_and_line()
    {
        var yaml = "schema: ctorules/case@1\nid: a\nlesion:\n  lengthMm: 30\n  lengthMm: 40\nprocedure: {stage: planning}\n";

        CaseReader.ReadYaml(yaml).Errors.Should().Equal(
            new CaseError("lesion.lengthMm", "duplicate property 'lengthMm' at line 5, column 3"));
    }

    [Theory]
    [InlineData("case.json", "{\"schema\":\"ctorules/case@1\",\"id\":\"f\",\"procedure\":{\"stage\":\"planning\"}}")]
    [InlineData("case.yaml", "schema: ctorules/case@1\nid: f\nprocedure: { stage: planning }\n")]
    [InlineData("case.YML", "schema: ctorules/case@1\nid: f\nprocedure: { stage: planning }\n")]
    public void Files_are_read_by_their_extension(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);

        var result = CaseReader.ReadFile(path);

        result.Errors.Should().BeEmpty();
        result.Case!.Id.Should().Be("f");
    }

    [Fact]
    public void Yaml_in_a_json_file_is_malformed_json()
    {
        var path = Path.Combine(_dir, "case.json");
        File.WriteAllText(path, "schema: ctorules/case@1\n");

        CaseReader.ReadFile(path).Errors.Should().ContainSingle().Which.Message.Should().StartWith("malformed JSON");
    }

    [Theory]
    [InlineData("case.txt", "unsupported file extension '.txt'; expected .json, .yaml or .yml")]
    [InlineData("case", "the file name has no extension; expected .json, .yaml or .yml")]
    public void Other_extensions_are_refused(string name, string message)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "{}");

        CaseReader.ReadFile(path).Errors.Should().Equal(new CaseError("$", message));
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        var error = CaseReader.ReadFile(Path.Combine(_dir, "absent.yaml")).Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("$");
        error.Message.Should().StartWith("cannot read the file: ");
    }

    [Fact]
    public void Oversized_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_dir, "big.json");
        File.WriteAllText(path, PaddedJson(CaseSchema.MaxInputBytes + 10));

        CaseReader.ReadFile(path).Errors.Should().Equal(
            new CaseError("$", "the input is 1048586 bytes, over the limit of 1048576 bytes (1 MiB)"));
    }
}
