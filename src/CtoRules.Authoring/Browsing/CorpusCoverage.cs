using System.Collections.Concurrent;
using System.Collections.Immutable;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Browsing;

/// <summary>
/// The corpus cases that fire each rule and its near misses (the corpus runner's coverage), and
/// every clause's coverage (<see cref="ClauseCoverageReport"/>, as <c>ctorules test
/// --clause-coverage</c> computes it), run once per rule set content and corpus state and cached,
/// since the read page asks for them on every view. The corpus state is its files' names, sizes
/// and times, so a case saved in the site is counted at the next view.
/// </summary>
public sealed class CorpusCoverage(string corpusDirectory)
{
    private readonly ConcurrentDictionary<string, Lazy<(Dictionary<string, RuleCoverage> Rules, ClauseCoverageReport Clauses)>> _cache = new();

    public RuleCoverage? For(RuleSet set, string ruleId) => Get(set).Rules.GetValueOrDefault(ruleId);

    /// <summary>The clauses of one rule's condition, in order, with the cases that make each true and false.</summary>
    public ImmutableArray<ClauseCoverageEntry> ClausesFor(RuleSet set, string ruleId) => [.. Get(set).Clauses.ForRule(ruleId)];

    /// <summary>The whole clause coverage report (the total the corpus page shows).</summary>
    public ClauseCoverageReport Clauses(RuleSet set) => Get(set).Clauses;

    private (Dictionary<string, RuleCoverage> Rules, ClauseCoverageReport Clauses) Get(RuleSet set)
    {
        var key = set.ContentDigest + "|" + CorpusStamp();
        // Lazy: two views at once run the corpus once. Older entries are dropped: only the newest state is asked for.
        var entry = _cache.GetOrAdd(key, _ => new Lazy<(Dictionary<string, RuleCoverage>, ClauseCoverageReport)>(() => Compute(set)));
        foreach (var old in _cache.Keys.Where(k => k != key)) _cache.TryRemove(old, out _);
        return entry.Value;
    }

    private (Dictionary<string, RuleCoverage>, ClauseCoverageReport) Compute(RuleSet set)
    {
        if (!Directory.Exists(corpusDirectory)) return ([], new ClauseCoverageReport([]));
        var report = CorpusRunner.Run(RuleSetCompiler.GetOrCompile(set), CorpusReader.ReadDirectory(corpusDirectory));
        return (report.Coverage.ToDictionary(c => c.RuleId), ClauseCoverageReport.Compute(set, report));
    }

    private string CorpusStamp() => !Directory.Exists(corpusDirectory) ? "" : string.Join(";",
        new DirectoryInfo(corpusDirectory).EnumerateFiles("*.*", SearchOption.AllDirectories)
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .Select(f => $"{f.FullName}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
}
