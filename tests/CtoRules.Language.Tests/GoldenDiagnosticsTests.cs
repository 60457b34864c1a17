using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;

namespace CtoRules.Language.Tests;

/// <summary>The broken rule set under Assets/broken and the diagnostics it must print.</summary>
internal static class BrokenSet
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Assets", "broken");

    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>The golden lines (blank lines ignored).</summary>
    public static string[] Expected =>
        [.. File.ReadAllLines(Path.Combine(Root, "expected-diagnostics.txt")).Where(l => l.Length > 0)];

    /// <summary>
    /// The diagnostic with its file relative to <see cref="Root"/>. Display paths are relative to
    /// the current directory when below it, else absolute; both resolve to the same full path.
    /// </summary>
    public static string Print(Diagnostic d)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(d.Location.File)).Replace('\\', '/');
        return (d with { Location = d.Location with { File = relative } }).ToString();
    }
}

public class GoldenDiagnosticsTests
{
    [Fact]
    public void The_broken_set_prints_exactly_the_golden_diagnostics()
    {
        var load = RuleSetReader.LoadDirectory(BrokenSet.Rules);
        load.RuleSet.Should().BeNull();
        load.Diagnostics.Select(BrokenSet.Print).Should().Equal(BrokenSet.Expected);
    }

    [Fact]
    public void The_golden_file_holds_no_machine_paths() =>
        BrokenSet.Expected.Should().OnlyContain(l => l.StartsWith("rules/", StringComparison.Ordinal) || l.StartsWith("references/", StringComparison.Ordinal));

    [Fact]
    public void An_explicit_references_folder_is_used_for_the_bibliography()
    {
        var load = RuleSetReader.LoadDirectory(BrokenSet.Rules, Path.Combine(BrokenSet.Root, "references"));
        load.Diagnostics.Select(BrokenSet.Print).Should().Equal(BrokenSet.Expected);
    }

    [Fact]
    public void Without_a_bibliography_every_reference_is_unknown()
    {
        var empty = Path.Combine(BrokenSet.Root, "no-references-here");
        var load = RuleSetReader.LoadDirectory(BrokenSet.Rules, empty);
        var printed = load.Diagnostics.Select(d => d.ToString()).ToList();
        printed.Should().Contain("references/bibliography.yaml: error CTO1001: cannot read the file: the bibliography is missing");
        load.Diagnostics.Count(d => d.Code == "CTO1011").Should().Be(7, "the readable rules and score cite seven references in all");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
    public const string Name = "changes the current directory";
}

/// <summary>Tests that set the process's current directory; they run alone and restore it.</summary>
[Collection(CurrentDirectoryCollection.Name)]
public class CurrentDirectoryTests
{
    private static T InDirectory<T>(string directory, Func<T> action)
    {
        var saved = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = directory;
            return action();
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }

    [Fact]
    public void Diagnostics_print_paths_relative_to_the_current_directory()
    {
        var printed = InDirectory(BrokenSet.Root, () => RuleSetReader.LoadDirectory("rules").Diagnostics.Select(d => d.ToString()).ToList());
        printed.Should().Equal(BrokenSet.Expected);
    }

    [Fact]
    public void Display_is_relative_below_the_current_directory_and_absolute_elsewhere()
    {
        var inside = Path.Combine(BrokenSet.Rules, "derived", "derived.alpha.md");
        var outside = Path.Combine(BrokenSet.Root, "references", "bibliography.yaml");
        var (relative, absolute) = InDirectory(BrokenSet.Rules, () => (RuleSetReader.Display(inside), RuleSetReader.Display(outside)));
        relative.Should().Be("derived/derived.alpha.md");
        absolute.Should().Be(Path.GetFullPath(outside).Replace('\\', '/'));
    }
}
