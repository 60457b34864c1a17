using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine;
using CtoRules.Engine.Corpus;
using CtoRules.Fuzz.Targets;
using CtoRules.Language.Rules;

namespace CtoRules.Fuzz.Tests.Properties;

/// <summary>The repository's rule set, compiled once, its corpus cases, and advice as comparable text.</summary>
public static class KnowledgeBase
{
    /// <summary>Evaluations are stamped with this instant, so that two evaluations can be compared whole.</summary>
    public static readonly DateTimeOffset Instant = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<RuleSet> Set = new(() =>
    {
        var load = RuleSetReader.LoadDirectory(RepoFiles.Path("rules"));
        return load.RuleSet ?? throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
    });

    private static readonly Lazy<Advisor> Compiled = new(() => new Advisor(Set.Value, new FixedTime()));

    private static readonly Lazy<IReadOnlyList<Case>> Cases = new(() =>
        [.. CorpusReader.ReadDirectory(RepoFiles.Path("tests", "corpus")).Where(c => c.IsValid).Select(c => c.Case!)]);

    public static RuleSet RuleSet => Set.Value;

    public static Advisor Advisor => Compiled.Value;

    public static IReadOnlyList<Case> Corpus => Cases.Value;

    /// <summary>The whole advice document as JSON, with the rule set's version and digest left out (a pack and its source differ only there).</summary>
    public static string Text(AdviceDocument advice) =>
        JsonSerializer.Serialize(advice with { RuleSet = new RuleSetReference(advice.RuleSet.Id, "-", null) }, AdviceJson.Compact);

    /// <summary>The case with one fact made unknown (removed; its block stays given).</summary>
    public static Case Without(Case @case, string path)
    {
        var json = @case.ToJson();
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        ((JsonObject)json[path[..dot]]!).Remove(path[(dot + 1)..]);
        var read = CaseReader.Read(json);
        return read.IsValid ? read.Case! : throw new InvalidOperationException($"{@case.Id} without {path}: {string.Join("; ", read.Errors)}");
    }

    public sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Instant;
    }
}
