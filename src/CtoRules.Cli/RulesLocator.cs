using CtoRules.Language.Rules;

namespace CtoRules.Cli;

/// <summary>Finds and reads the rule set a command works on.</summary>
public static class RulesLocator
{
    /// <summary>
    /// The rules folder: the one named, else the nearest <c>rules/</c> with a ruleset.yaml in the
    /// current folder or above it (so commands work from anywhere in a clone).
    /// </summary>
    public static string Resolve(string? named)
    {
        if (!string.IsNullOrEmpty(named)) return named;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (File.Exists(Path.Combine(candidate, "ruleset.yaml")))
                return RuleSetReader.Display(candidate);
        }
        return "rules";
    }

    /// <summary>Reads the rule set, printing diagnostics to stderr; null when it has errors.</summary>
    public static RuleSet? Load(string? named, TextWriter error)
    {
        var load = RuleSetReader.LoadDirectory(Resolve(named));
        foreach (var d in load.Diagnostics.Where(d => d.IsError)) error.WriteLine(d);
        if (load.RuleSet is null)
            error.WriteLine($"ctorules: the rule set has {load.Diagnostics.Count(d => d.IsError)} error(s); run 'ctorules validate' for details.");
        return load.RuleSet;
    }
}
