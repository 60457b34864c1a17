using System.Collections.Immutable;
using CtoRules.Engine;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using CtoRules.Packs;

namespace CtoRules.Authoring.Workspace;

/// <summary>
/// The rules folder the site edits and evaluates: the last rule set that loaded without errors and
/// its <see cref="Advisor"/>, swapped atomically by <see cref="Reload"/> after each save so that
/// evaluation always uses the saved working copy.
/// </summary>
public sealed class WorkingCopy
{
    private WorkingCopySnapshot _current;

    public WorkingCopy(string rulesDirectory, string packsDirectory)
    {
        RulesDirectory = Path.GetFullPath(rulesDirectory);
        PacksDirectory = Path.GetFullPath(packsDirectory);
        var load = RuleSetReader.LoadDirectory(RulesDirectory);
        if (load.RuleSet is null)
        {
            // One line a person can act on: the first error, and how many more `ctorules validate` lists.
            var errors = load.Diagnostics.Where(d => d.IsError).ToList();
            throw new InvalidOperationException($"the rule set in {RulesDirectory} cannot be used: {errors.FirstOrDefault()}" +
                (errors.Count > 1 ? $" (and {errors.Count - 1} more; run 'ctorules validate')" : ""));
        }
        _current = Snapshot(load.RuleSet, load.Diagnostics);
    }

    public string RulesDirectory { get; }

    public string PacksDirectory { get; }

    /// <summary>The repository folder holding <c>rules/</c>; rule sources' logical paths are relative to it.</summary>
    public string Root => Path.GetDirectoryName(RulesDirectory)!;

    public WorkingCopySnapshot Current => Volatile.Read(ref _current);

    /// <summary>Reads the folder again; keeps the previous snapshot when the new one has errors.</summary>
    public ImmutableArray<Diagnostic> Reload()
    {
        var load = RuleSetReader.LoadDirectory(RulesDirectory);
        if (load.RuleSet is not null)
            Volatile.Write(ref _current, Snapshot(load.RuleSet, load.Diagnostics));
        return load.Diagnostics;
    }

    // A working copy whose content is a published pack's says it is that version, with the pack's
    // digest, in the API and its advice as in the CLI (issue 8, point 9): the same PublishedMatch.
    private WorkingCopySnapshot Snapshot(RuleSet set, ImmutableArray<Diagnostic> diagnostics)
    {
        var matched = PublishedMatch.Apply(set, PacksDirectory);
        return new WorkingCopySnapshot(matched, new Advisor(matched), diagnostics);
    }

    /// <summary>The file on disk for a logical path such as <c>rules/crossing/x.md</c>.</summary>
    public string FullPath(string logicalPath)
    {
        if (!logicalPath.StartsWith("rules/", StringComparison.Ordinal) || logicalPath.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"'{logicalPath}' is not a path in the rules folder", nameof(logicalPath));
        return Path.Combine(RulesDirectory, logicalPath["rules/".Length..]);
    }
}
