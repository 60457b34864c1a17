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

    /// <summary>The message when no rules folder was named and none was found upward.</summary>
    public static string NotFoundMessage() =>
        $"ctorules: no rules/ folder with a ruleset.yaml in {Environment.CurrentDirectory} or any folder above it; give --rules FOLDER or --pack FILE";

    /// <summary>True when a rules folder was named, or one was found from the current folder up.</summary>
    public static bool Found(string? named) => !string.IsNullOrEmpty(named) || Resolve(null) != "rules" || File.Exists(Path.Combine("rules", "ruleset.yaml"));

    /// <summary>Reads the rule set, printing diagnostics to stderr; null when it has errors.</summary>
    public static RuleSet? Load(string? named, TextWriter error)
    {
        if (!Found(named))
        {
            error.WriteLine(NotFoundMessage());
            return null;
        }
        var load = RuleSetReader.LoadDirectory(Resolve(named));
        foreach (var d in load.Diagnostics.Where(d => d.IsError)) error.WriteLine(d);
        if (load.RuleSet is null)
            error.WriteLine($"ctorules: the rule set has {load.Diagnostics.Count(d => d.IsError)} error(s); run 'ctorules validate' for details.");
        return load.RuleSet;
    }
}
