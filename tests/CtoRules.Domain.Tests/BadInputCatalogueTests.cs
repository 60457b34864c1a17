using System.Diagnostics;
using System.Text;
using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>Rows of docs/bad-inputs.md for case input (issue 8): each asserts the exact error the user gets.</summary>
public sealed class BadInputCatalogueTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static CaseError Single(CaseReadResult r)
    {
        r.IsValid.Should().BeFalse();
        r.Errors.Should().HaveCount(1);
        return r.Errors[0];
    }

    [Fact]
    public void A_lone_high_surrogate_escape_in_a_value_is_a_located_error_not_an_exception()
    {
        var r = CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"id\":\"\\ud800\"}");
        Single(r).Should().Be(new CaseError("id", "invalid \\u escape at line 1, column 34: a UTF-16 surrogate must come in a high-low pair"));
    }

    [Fact]
    public void A_lone_low_surrogate_escape_in_a_property_name_is_a_located_error()
    {
        var r = CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"\\udc00x\":1}");
        Single(r).Should().Be(new CaseError("$", "invalid \\u escape at line 1, column 29: a UTF-16 surrogate must come in a high-low pair"));
    }

    [Fact]
    public void A_surrogate_file_is_read_without_an_exception()
    {
        var path = Write("s.json", Encoding.UTF8.GetBytes("{\"schema\":\"ctorules/case@1\",\"id\":\"a\",\"description\":\"\\udfff\",\"procedure\":{\"stage\":\"planning\"}}"));
        Single(CaseReader.ReadFile(path)).Should().Be(new CaseError("description", "invalid \\u escape at line 1, column 52: a UTF-16 surrogate must come in a high-low pair"));
    }

    [Fact]
    public void Invalid_utf8_in_a_case_file_is_refused_with_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("schema: ctorules/case@1\nid: x\u0001\nprocedure: {stage: planning}\n");
        bytes[29] = 0xFF;
        Single(CaseReader.ReadFile(Write("u.yaml", bytes)))
            .Should().Be(new CaseError("$", "cannot read the file: invalid UTF-8 at line 2, column 6 (byte 0xFF at offset 29); the text must be UTF-8"));
    }

    [Fact]
    public void Invalid_utf8_in_a_request_body_is_refused_with_line_and_column()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"id\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];
        Single(CaseReader.ReadUtf8Json(body))
            .Should().Be(new CaseError("$", "invalid UTF-8 at line 1, column 8 (byte 0xC3 at offset 7); the text must be UTF-8"));
    }

    [Fact]
    public void A_utf16_file_is_refused_by_name()
    {
        var path = Write("w.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{}")]);
        Single(CaseReader.ReadFile(path)).Should().Be(new CaseError("$",
            "cannot read the file: the text is UTF-16 or UTF-32 (it starts with that byte order mark); save it as UTF-8"));
    }

    [Fact]
    public void A_symlink_to_dev_zero_is_refused_without_reading_it()
    {
        var link = Path.Combine(_dir, "zero.json");
        File.CreateSymbolicLink(link, "/dev/zero");
        Single(CaseReader.ReadFile(link)).Should().Be(new CaseError("$", "cannot read the file: it is not a regular file (it is a character device)"));
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_dir, "pipe.yaml");
        using (var mk = Process.Start("mkfifo", fifo)) mk.WaitForExit();
        Single(CaseReader.ReadFile(fifo)).Should().Be(new CaseError("$", "cannot read the file: it is not a regular file (it is a FIFO)"));
    }

    [Fact]
    public void A_folder_named_like_a_case_file_says_it_is_a_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "x.json")).FullName;
        Single(CaseReader.ReadFile(folder)).Should().Be(new CaseError("$", "cannot read the file: it is a folder, not a file"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("missing.json")]
    public void A_missing_file_says_no_such_file_whatever_its_name(string name)
    {
        Single(CaseReader.ReadFile(Path.Combine(_dir, name))).Should().Be(new CaseError("$", "cannot read the file: no such file"));
    }

    [Fact]
    public void Seventy_thousand_unknown_properties_give_the_first_hundred_errors_and_a_count()
    {
        var json = new StringBuilder("{\"schema\":\"ctorules/case@1\",\"id\":\"a\",\"procedure\":{\"stage\":\"planning\"}");
        for (var i = 0; i < 70_000; i++) json.Append(",\"p").Append(i).Append("\":0");
        var r = CaseReader.ReadJson(json.Append('}').ToString());
        r.Errors.Should().HaveCount(CaseReadResult.MaxErrors + 1);
        r.Errors.Should().OnlyHaveUniqueItems();
        r.Errors[0].Should().Be(new CaseError("p0", "unknown property 'p0'"));
        r.Errors[^1].Should().Be(new CaseError("$", "69900 more error(s) not shown; fix the ones above first"));
    }

    [Fact]
    public void A_hundred_thousand_digit_number_is_not_echoed_whole()
    {
        var digits = "9" + new string('0', 99_999);
        var error = Single(CaseText.ReadWith("\"lesion\":{\"lengthMm\":" + digits + "}"));
        error.Should().Be(new CaseError("lesion.lengthMm", "9" + new string('0', 39) + "… (100000 characters) is above the maximum 300"));
    }
}
