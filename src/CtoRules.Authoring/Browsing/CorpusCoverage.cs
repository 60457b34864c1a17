using System.Collections.Concurrent;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Browsing;

/// <summary>
/// The corpus cases that fire each rule and its near misses (the corpus runner's coverage), run
/// once per rule set content and cached, since the read page asks for it on every view.
/// </summary>
public sealed class CorpusCoverage(string corpusDirectory)
{
    private readonly ConcurrentDictionary<string, Dictionary<string, RuleCoverage>> _byDigest = new();

    public RuleCoverage? For(RuleSet set, string ruleId)
    {
        var coverage = _byDigest.GetOrAdd(set.ContentDigest, _ =>
        {
            if (!Directory.Exists(corpusDirectory)) return [];
            var report = CorpusRunner.Run(RuleSetCompiler.GetOrCompile(set), CorpusReader.ReadDirectory(corpusDirectory));
            return report.Coverage.ToDictionary(c => c.RuleId);
        });
        return coverage.GetValueOrDefault(ruleId);
    }
}
