using CtoRules.Authoring.Files;

namespace CtoRules.Authoring.Tests.Files;

/// <summary>Start-up clean-up: only the writer's temporary names, only in the folders given, never a file still being written.</summary>
public sealed class LeftoverTempFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-leftover-").FullName;
    private const string Hex = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(".rule.md." + Hex + ".tmp", true)]
    [InlineData("eurocto-1.0.0.ctopack.json." + Hex + ".tmp", true)] // the publisher's name before the writers were merged
    [InlineData("notes.tmp", false)]
    [InlineData(".rule.md.0123.tmp", false)]
    [InlineData(".rule.md." + "0123456789ABCDEF0123456789ABCDEF" + ".tmp", false)]
    [InlineData(".rule.md." + Hex + ".tmp.md", false)]
    [InlineData("rule.md", false)]
    public void Recognises_only_the_names_its_writers_create(string name, bool expected) =>
        LeftoverTempFiles.IsTempName(name).Should().Be(expected);

    [Fact]
    public void Removes_left_overs_keeps_everything_else_and_recurses_only_when_asked()
    {
        var top = Touch($".ruleset.yaml.{Hex}.tmp");
        var nested = Touch(Path.Combine("crossing", $".cap.md.{Hex}.tmp"));
        var foreign = Touch("notes.tmp");
        var rule = Touch(Path.Combine("crossing", "cap.md"));

        LeftoverTempFiles.Remove(_dir, recursive: false).Should().Equal(top);
        File.Exists(nested).Should().BeTrue("not recursive");
        LeftoverTempFiles.Remove(_dir, recursive: true).Should().Equal(nested);
        File.Exists(foreign).Should().BeTrue("a name our writer does not create is never deleted");
        File.Exists(rule).Should().BeTrue();
        LeftoverTempFiles.Remove(Path.Combine(_dir, "missing"), recursive: true).Should().BeEmpty();
    }

    [Fact]
    public void A_temporary_file_still_being_written_is_left_alone()
    {
        var busy = Touch($".pack.ctopack.json.{Hex}.tmp");
        using (new FileStream(busy, FileMode.Open, FileAccess.Write, FileShare.None))
            LeftoverTempFiles.Remove(_dir, recursive: false).Should().BeEmpty();
        LeftoverTempFiles.Remove(_dir, recursive: false).Should().Equal(busy);
    }

    private string Touch(string relative)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
