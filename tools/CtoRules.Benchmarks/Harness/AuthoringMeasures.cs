using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json.Nodes;
using CtoRules.Authoring.Diffing;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Harness;

/// <summary>
/// The authoring loop's figures (issue 14's goals): a one-rule edit re-checked and recompiled, a
/// corpus run with coverage (warm), and a behavioural diff over many generated cases. Each is
/// repeated <c>rounds</c> times and reported as min / median / max in milliseconds.
/// </summary>
public sealed class AuthoringMeasures(string rulesDirectory, string? corpusDirectory, int rounds, TextWriter log)
{
    public JsonObject Run(RuleSet full, IReadOnlyList<Case> diffCases)
    {
        var node = new JsonObject();
        var edited = OneRuleEdit(node);
        CorpusRun(full, node);
        BehaviouralDiff(full, edited, diffCases, node);
        return node;
    }

    /// <summary>A copy of the rules, one rule file changed (a trailing newline), read, validated and compiled again.</summary>
    private RuleSet OneRuleEdit(JsonObject node)
    {
        var copy = Directory.CreateTempSubdirectory("ctorules-bench-edit-").FullName;
        try
        {
            CopyTree(rulesDirectory, copy);
            var file = Directory.EnumerateFiles(copy, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            var references = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rulesDirectory))!, "references");
            RuleSetReader.LoadDirectory(copy, references); // warm: the first read in the process is the cold load, measured elsewhere
            var samples = new double[rounds];
            RuleSet? set = null;
            for (var i = 0; i < rounds; i++)
            {
                File.AppendAllText(file, "\n");
                var t = Stopwatch.GetTimestamp();
                var load = RuleSetReader.LoadDirectory(copy, references);
                set = load.RuleSet ?? throw new BenchException("the edited copy of the rules has errors");
                RuleSetCompiler.Compile(set);
                samples[i] = Measure.Ms(t);
            }
            node["oneRuleEditRecheckCompileMs"] = InterleavedRounds.Spread(samples, 1);
            log.WriteLine($"authoring: one-rule edit, re-check + recompile {string.Join(" / ", samples.Select(s => s.ToString("F0")))} ms");
            return set!;
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private void CorpusRun(RuleSet full, JsonObject node)
    {
        var folder = corpusDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rulesDirectory))!, "tests", "corpus");
        if (!Directory.Exists(folder))
        {
            node["corpusRunWithCoverageMs"] = null;
            return;
        }
        var cases = CorpusReader.ReadDirectory(folder);
        var compiled = RuleSetCompiler.GetOrCompile(full);
        CorpusRunner.Run(compiled, cases); // warm
        var samples = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var t = Stopwatch.GetTimestamp();
            CorpusRunner.Run(compiled, cases);
            samples[i] = Measure.Ms(t);
        }
        node["corpusCases"] = cases.Length;
        node["corpusRunWithCoverageMs"] = InterleavedRounds.Spread(samples, 1);
        log.WriteLine($"authoring: corpus run with coverage ({cases.Length} cases) {string.Join(" / ", samples.Select(s => s.ToString("F0")))} ms");
    }

    private void BehaviouralDiff(RuleSet before, RuleSet after, IReadOnlyList<Case> diffCases, JsonObject node)
    {
        var cases = diffCases.Select((c, i) => new CorpusCase($"generated-{i}.json", c.Id, [], null, c, [], CorpusExpectations.Empty)).ToList();
        RuleSetCompiler.GetOrCompile(before);
        RuleSetCompiler.GetOrCompile(after);
        BehaviouralDiffer.Compare(before, after, [.. cases.Take(500)]); // warm
        var samples = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var t = Stopwatch.GetTimestamp();
            BehaviouralDiffer.Compare(before, after, cases);
            samples[i] = Measure.Ms(t);
        }
        node["behaviouralDiffCases"] = cases.Count;
        node["behaviouralDiffMs"] = InterleavedRounds.Spread(samples, 1);
        log.WriteLine($"authoring: behavioural diff over {cases.Count} cases {string.Join(" / ", samples.Select(s => s.ToString("F0")))} ms");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
