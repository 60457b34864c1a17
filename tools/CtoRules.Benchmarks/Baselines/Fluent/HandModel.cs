using NRules.Fluent.Dsl;

namespace CtoRules.Benchmarks.Baselines.Fluent;

// The hand-written part of the NRules.Fluent baseline: what a developer writes once beside the
// rule classes (the rule classes and the typed case model are generated from rules/ at build
// time by tools/CtoRules.Benchmarks.FluentGen, as a developer would have typed them).

/// <summary>Three-valued truth of a derived fact.</summary>
public enum Tri : byte
{
    False,
    True,
    Unknown,
}

public enum HandRole
{
    Advice,
    Derived,
    ScoreItem,
}

public sealed record HandRuleInfo(
    string Id, int Version, HandRole Role, string? Stage, int StageOrdinal, int Step, string? Kind,
    string[] Actions, string? Text, string[] References, string? Score, string? Item, double Points);

public sealed record HandCategory(double Min, double? Max, string Label, string? Note)
{
    public bool Contains(double points) => points >= Min && (Max is null || points <= Max);
}

public sealed record HandScoreInfo(string Name, double MaxPoints, string[] References, HandCategory[] Categories);

/// <summary>A rule class; <see cref="Copy"/> tells the renamed copies of the scaling run apart.</summary>
public abstract class HandRule(int copy) : Rule
{
    public int Copy { get; } = copy;

    protected string Suffix => Copy == 0 ? "" : "~" + Copy;
}

/// <summary>A derived fact inserted into the session, with its own explanation.</summary>
public abstract class HandDerived(int copy, Tri value, string name, string ruleId, List<string> because, List<string> missing)
{
    public int Copy { get; } = copy;
    public Tri Value { get; } = value;
    public string Name { get; } = copy == 0 ? name : name + "~" + copy;
    public string RuleId { get; } = copy == 0 ? ruleId : ruleId + "~" + copy;
    public List<string> Because { get; } = because;
    public List<string> Missing { get; } = missing;
}

/// <summary>What the rule actions of one evaluation write (collected in actions, never queried).</summary>
public sealed class HandOutput
{
    private sealed class NotFound() : HandDerived(0, Tri.Unknown, "", "", [], []);

    private static readonly HandDerived Unknown = new NotFound();

    public List<(int Rule, int Copy, List<string> Because)> Fired { get; } = [];
    public List<(int Rule, int Copy, List<string> Missing)> Undecided { get; } = [];
    public List<HandDerived> Derived { get; } = [];

    public void AddFired(int rule, int copy, List<string> because) => Fired.Add((rule, copy, because));

    public void AddUndecided(int rule, int copy, List<string> missing) => Undecided.Add((rule, copy, missing));

    public HandDerived Find(string name, int copy)
    {
        var full = copy == 0 ? name : name + "~" + copy;
        foreach (var d in Derived)
            if (d.Name == full) return d;
        return Unknown;
    }
}

public static class HandText
{
    public static void Add(List<string> into, string item)
    {
        if (!into.Contains(item)) into.Add(item);
    }

    public static void AddAll(List<string> into, List<string> items)
    {
        foreach (var i in items) Add(into, i);
    }

    public static void AddDerived(List<string> into, HandDerived d)
    {
        var chain = d.Because.Count == 0 ? "" : " from " + string.Join(", ", d.Because);
        Add(into, $"{d.Name} = {(d.Value == Tri.True ? "true" : "false")} (derived by rule {d.RuleId}{chain})");
    }

    public static string R(bool? v) => v is null ? "?" : v.Value ? "true" : "false";

    public static string R(double? v) => v is null ? "?" : v.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    public static string R(int? v) => v is null ? "?" : v.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
