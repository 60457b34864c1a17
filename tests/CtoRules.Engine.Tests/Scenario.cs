using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Tests;

/// <summary>The scenario rule set of Assets/scenario, read once.</summary>
public static class Scenario
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Assets", "scenario");

    public static RuleSet RuleSet { get; } = Load();

    private static RuleSet Load()
    {
        var load = RuleSetReader.LoadDirectory(Path.Combine(Folder, "rules"));
        if (load.RuleSet is null) throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
        return load.RuleSet;
    }

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static Advisor Advisor { get; } = new(RuleSet, new FixedTime(Now));

    public static AdviceDocument Evaluate(string yaml)
    {
        var read = CaseReader.ReadYaml(yaml);
        if (!read.IsValid) throw new InvalidOperationException(string.Join("\n", read.Errors));
        return Advisor.Evaluate(read.Case!);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
