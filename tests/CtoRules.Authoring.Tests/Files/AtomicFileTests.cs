using CtoRules.Authoring.Files;

namespace CtoRules.Authoring.Tests.Files;

/// <summary>The one atomic writer: whole files only, never over an existing one when asked, no temporary file left, the folder flushed.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-atomic-").FullName;

    [Fact]
    public void Replace_writes_and_overwrites_the_whole_text_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "sub", "rule.md");
        AtomicFile.Replace(path, "first");
        AtomicFile.Replace(path, "second, ü");
        File.ReadAllBytes(path).Should().Equal(System.Text.Encoding.UTF8.GetBytes("second, ü"), "UTF-8 without a byte order mark");
        Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public void WriteNew_never_overwrites_and_hands_the_whole_temporary_file_to_the_hook_before_the_rename()
    {
        var path = Path.Combine(_dir, "x.ctopack.json");
        string? seen = null;
        AtomicFile.WriteNew(path, "pack", temp =>
        {
            File.Exists(path).Should().BeFalse("the hook runs before the rename");
            File.ReadAllText(temp).Should().Be("pack");
            seen = Path.GetFileName(temp);
        });
        LeftoverTempFiles.IsTempName(seen!).Should().BeTrue("the clean-up knows the writer's temporary names");
        seen.Should().StartWith(".x.ctopack.json.").And.EndWith(".tmp");
        var again = () => AtomicFile.WriteNew(path, "other");
        again.Should().Throw<IOException>().WithMessage("*already exists; it is never overwritten");
        File.ReadAllText(path).Should().Be("pack");
    }

    [Fact]
    public void A_write_that_fails_before_the_rename_leaves_neither_the_target_nor_a_temporary_file()
    {
        var path = Path.Combine(_dir, "y.json");
        var failing = () => AtomicFile.WriteNew(path, "text", _ => throw new IOException("disk full (test)"));
        failing.Should().Throw<IOException>().WithMessage("disk full (test)");
        Directory.EnumerateFiles(_dir).Should().BeEmpty();
    }

    [Fact]
    public void Flushing_a_folder_works_and_a_missing_folder_is_a_clear_error()
    {
        DirectorySync.Flush(_dir);
        var missing = () => DirectorySync.Flush(Path.Combine(_dir, "missing"));
        if (OperatingSystem.IsWindows()) missing.Should().NotThrow("Windows has no folder flush; it does nothing");
        else missing.Should().Throw<IOException>().WithMessage("cannot open the folder *missing to flush it (errno 2)");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
