using System.Collections.Immutable;
using CtoRules.Inputs;
using CtoRules.Language.Conditions;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.References;
using CtoRules.Language.Scores;

namespace CtoRules.Language.Rules;

/// <summary>
/// Reads a whole rule set: <c>ruleset.yaml</c>, rule files, score definitions and the
/// bibliography; binds every condition; checks ids, references, scores and the derived-fact
/// graph. Collects every diagnostic rather than stopping at the first.
/// </summary>
public static class RuleSetReader
{
    public const string ManifestPath = "rules/ruleset.yaml";
    public const string BibliographyPath = "references/bibliography.yaml";
    public const string ReviewSectionsPath = "references/review-sections.yaml";

    /// <summary>Reads a rules folder; the bibliography defaults to <c>../references</c> beside it.</summary>
    public static RuleSetLoad LoadDirectory(string rulesDirectory, string? referencesDirectory = null)
    {
        var sources = new List<SourceFile>();
        var diagnostics = new List<Diagnostic>();
        var rulesFull = Path.GetFullPath(rulesDirectory);
        if (!Directory.Exists(rulesFull))
        {
            diagnostics.Add(DiagnosticDescriptors.FileUnreadable.Create(SourceLocation.InFile(rulesDirectory), "no such folder"));
            return new RuleSetLoad(null, [.. diagnostics]);
        }
        foreach (var file in Directory.EnumerateFiles(rulesFull, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var relative = Path.GetRelativePath(rulesFull, file).Replace('\\', '/');
            var isRule = name.EndsWith(".md", StringComparison.Ordinal) && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase);
            var isYaml = relative == "ruleset.yaml" || (relative.StartsWith("scores/", StringComparison.Ordinal) && relative.Count(c => c == '/') == 1 && name.EndsWith(".yaml", StringComparison.Ordinal));
            if (!isRule && !isYaml) continue;
            Add(sources, diagnostics, file, "rules/" + relative);
        }
        var referencesFull = Path.GetFullPath(referencesDirectory ?? Path.Combine(rulesFull, "..", "references"));
        var bibliography = Path.Combine(referencesFull, "bibliography.yaml");
        if (File.Exists(bibliography)) Add(sources, diagnostics, bibliography, BibliographyPath);
        var sections = Path.Combine(referencesFull, "review-sections.yaml");
        if (File.Exists(sections)) Add(sources, diagnostics, sections, ReviewSectionsPath);
        var load = Load(sources);
        return diagnostics.Count == 0 ? load : new RuleSetLoad(null, [.. diagnostics, .. load.Diagnostics]);
    }

    /// <summary>The most one source file may hold; the largest shipped file is a few KiB.</summary>
    public const int MaxSourceBytes = 1024 * 1024;

    /// <summary>
    /// Reads one source with a hard byte limit, refusing devices and FIFOs, and strict UTF-8: a bad
    /// byte is an error at its line and column, never a U+FFFD sealed into a published pack.
    /// </summary>
    private static void Add(List<SourceFile> sources, List<Diagnostic> diagnostics, string file, string logical)
    {
        var display = Display(file);
        var read = InputFile.ReadBytes(file, MaxSourceBytes);
        if (read.Error is not null)
        {
            diagnostics.Add(DiagnosticDescriptors.FileUnreadable.Create(SourceLocation.InFile(display), read.Error));
            return;
        }
        if (!StrictUtf8.TryDecode(read.Bytes!, out var text, out var error, out var line, out var column))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidUtf8.Create(new SourceLocation(display, line, column), error!));
            return;
        }
        sources.Add(new SourceFile(logical, text, display));
    }

    /// <summary>The path relative to the current folder when below it, else absolute.</summary>
    public static string Display(string file)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(file) : relative).Replace('\\', '/');
    }

    /// <summary>Reads a rule set from sources with logical paths (a folder, a pack, an editor).</summary>
    public static RuleSetLoad Load(IEnumerable<SourceFile> input)
    {
        var sources = input.OrderBy(s => s.Path, StringComparer.Ordinal).ToImmutableArray();
        var diagnostics = new List<Diagnostic>();

        var manifestSource = sources.FirstOrDefault(s => s.Path == ManifestPath);
        RuleSetManifest? manifest = null;
        if (manifestSource is null)
            diagnostics.Add(DiagnosticDescriptors.InvalidRuleSet.Create(SourceLocation.InFile(ManifestPath), "the rule set has no ruleset.yaml"));
        else
            manifest = SourceReadCache.Read("manifest", manifestSource, diagnostics, RuleSetManifestReader.Read);

        var bibSource = sources.FirstOrDefault(s => s.Path == BibliographyPath);
        var bibliography = bibSource is null
            ? ImmutableDictionary<string, Reference>.Empty
            : SourceReadCache.Read("bibliography", bibSource, diagnostics, (s, d) => BibliographyReader.Read(s.Text, s.Display, d));
        if (bibSource is null)
            diagnostics.Add(DiagnosticDescriptors.FileUnreadable.Create(SourceLocation.InFile(BibliographyPath), "the bibliography is missing"));

        var sectionSource = sources.FirstOrDefault(s => s.Path == ReviewSectionsPath);
        var reviewSections = sectionSource is null ? []
            : SourceReadCache.Read("review-sections", sectionSource, diagnostics, (s, d) => ReviewSectionReader.Read(s.Text, s.Display, d));

        var scoreDrafts = sources.Where(s => s.Path.StartsWith("rules/scores/", StringComparison.Ordinal) && s.Path.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(s => SourceReadCache.Read("score", s, diagnostics, ScoreDefinitionReader.Read)).OfType<ScoreDraft>()
            .Select(d => d with { Fields = d.Fields.ReportingTo(diagnostics) }).ToList(); // a cached draft reports into this load's list
        var ruleSources = sources.Where(s => s.Path.StartsWith("rules/", StringComparison.Ordinal) && s.Path.EndsWith(".md", StringComparison.Ordinal)).ToList();
        RuleFileCache.Warm(ruleSources);
        var ruleDrafts = ruleSources.Select(s => RuleFileCache.Read(s, diagnostics)).OfType<RuleDraft>().ToList();

        // Derived facts: exactly one rule each.
        var derivedBy = new Dictionary<string, RuleDraft>(StringComparer.Ordinal);
        foreach (var d in ruleDrafts.Where(d => d.Partial.Derives is not null))
        {
            if (derivedBy.TryGetValue(d.Partial.Derives!, out var first))
                d.Fields.Report(DiagnosticDescriptors.DerivedTwice, d.Fields.At("derives"), d.Partial.Derives, first.Partial.Source.Display);
            else derivedBy[d.Partial.Derives!] = d;
        }
        var derivedNames = derivedBy.Keys.ToHashSet(StringComparer.Ordinal);
        var scoreMax = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in scoreDrafts.Where(s => s.Partial.Name.Length > 0)) scoreMax.TryAdd(s.Partial.Name, s.Partial.MaxPoints);

        var rules = new List<RuleDefinition>();
        foreach (var draft in ruleDrafts)
        {
            var bound = Bind(draft.Syntax, draft.Fields, draft.Yaml, derivedNames, scoreMax, diagnostics);
            rules.Add(draft.Partial with { Condition = bound ?? new BoundConstant(true) });
        }
        var scores = new List<ScoreDefinition>();
        foreach (var draft in scoreDrafts)
        {
            var bound = Bind(draft.Syntax, draft.Fields, draft.Yaml, derivedNames, scoreMax, diagnostics);
            scores.Add(draft.Partial with { Condition = bound });
        }

        CheckIds(ruleDrafts, diagnostics);
        CheckReferences(ruleDrafts, scoreDrafts, bibliography, diagnostics);
        CheckScores(ruleDrafts, scoreDrafts, diagnostics);
        if (sectionSource is not null) CheckSections(ruleDrafts, reviewSections);
        CheckCycles(derivedBy, rules, diagnostics);
        CheckScoreReads(ruleDrafts, rules, scoreDrafts, scores);
        if (ruleDrafts.Count == 0)
            diagnostics.Add(DiagnosticDescriptors.NoRules.Create(SourceLocation.InFile(manifestSource?.Display ?? ManifestPath)));

        SuppressEchoesOfBrokenDerivedFiles(sources, ruleDrafts, derivedNames, diagnostics);
        var sorted = diagnostics.OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToImmutableArray();
        if (sorted.Any(d => d.IsError) || manifest is null)
            return new RuleSetLoad(null, sorted);

        var set = new RuleSet
        {
            Manifest = manifest,
            Rules = [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)],
            Scores = [.. scores.OrderBy(s => s.Name, StringComparer.Ordinal)],
            Bibliography = bibliography,
            ReviewSections = reviewSections,
            Sources = sources,
            ContentDigest = RuleSet.ComputeDigest(sources),
        };
        return new RuleSetLoad(set, sorted);
    }

    /// <summary>
    /// A derived-fact file that cannot be read still names its fact (<c>derives: x</c>): the rules
    /// using x then get no "unknown path 'x'" errors, which would bury the file's own error.
    /// </summary>
    private static void SuppressEchoesOfBrokenDerivedFiles(ImmutableArray<SourceFile> sources, List<RuleDraft> drafts,
        HashSet<string> derived, List<Diagnostic> diagnostics)
    {
        var read = drafts.Select(d => d.Partial.Source.Path).ToHashSet(StringComparer.Ordinal);
        var names = sources.Where(s => s.Path.EndsWith(".md", StringComparison.Ordinal) && !read.Contains(s.Path))
            .Select(s => System.Text.RegularExpressions.Regex.Match(s.Text, @"^derives:\s*['""]?([A-Za-z][A-Za-z0-9_]*)", System.Text.RegularExpressions.RegexOptions.Multiline))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).Where(n => !derived.Contains(n)).ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0) return;
        diagnostics.RemoveAll(d => d.Code == DiagnosticDescriptors.UnknownPath.Code
            && names.Any(n => d.Message.StartsWith($"unknown path '{n}'", StringComparison.Ordinal)));
    }

    private static BoundCondition? Bind(ConditionSyntax? syntax, Yaml.YamlFields fields, string yaml, IReadOnlySet<string> derived,
        IReadOnlyDictionary<string, double> scores, List<Diagnostic> diagnostics)
    {
        if (syntax is null) return null;
        var result = ConditionBinder.Bind(syntax, derived, scores);
        foreach (var e in result.Errors.Concat(result.Warnings))
            diagnostics.Add(ConditionDiagnostics.Create(e, fields.LocateInScalar("when", yaml, e.Offset)));
        return result.Condition;
    }

    private static void CheckIds(List<RuleDraft> drafts, List<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, RuleDraft>(StringComparer.Ordinal);
        foreach (var d in drafts.Where(d => d.Partial.Id.Length > 0))
        {
            if (seen.TryGetValue(d.Partial.Id, out var first))
                d.Fields.Report(DiagnosticDescriptors.DuplicateRuleId, d.Fields.At(d.Fields.Value("id")!), d.Partial.Id, first.Partial.Source.Display);
            else seen[d.Partial.Id] = d;
        }
    }

    private static void CheckReferences(List<RuleDraft> rules, List<ScoreDraft> scores, ImmutableDictionary<string, Reference> bibliography, List<Diagnostic> diagnostics)
    {
        void Check(Yaml.YamlFields fields)
        {
            foreach (var (key, at) in fields.StringList("references", required: false) ?? [])
                if (!bibliography.ContainsKey(key))
                    fields.Report(DiagnosticDescriptors.UnknownReference, at, key, Suggestions.DidYouMean(key, bibliography.Keys));
        }
        foreach (var r in rules) Check(r.Fields);
        foreach (var s in scores) Check(s.Fields);
    }

    /// <summary>
    /// Works in the bibliography that no rule or score cites (CTO1023 warnings). A lint that
    /// <c>ctorules validate</c> runs on a rule set that read cleanly, not part of reading.
    /// </summary>
    public static ImmutableArray<Diagnostic> UncitedReferences(RuleSet set)
    {
        var source = set.Sources.FirstOrDefault(s => s.Path == BibliographyPath);
        if (source is null) return [];
        var cited = set.Rules.SelectMany(r => r.References).Concat(set.Scores.SelectMany(s => s.References)).ToHashSet(StringComparer.Ordinal);
        var lines = RuleSet.NormalizeNewlines(source.Text).Split('\n');
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var key in set.Bibliography.Keys.Where(k => !cited.Contains(k)).Order(StringComparer.Ordinal))
        {
            var line = Array.FindIndex(lines, l => l.TrimStart(' ', '-').StartsWith("key: " + key, StringComparison.Ordinal));
            var column = line < 0 ? 1 : lines[line].IndexOf("key:", StringComparison.Ordinal) + 1;
            result.Add(DiagnosticDescriptors.UnusedReference.Create(new SourceLocation(source.Display, line + 1, column), key));
        }
        return result.ToImmutable();
    }

    private static void CheckSections(List<RuleDraft> rules, ImmutableArray<ReviewSection> sections)
    {
        var ids = sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in rules)
            foreach (var (id, at) in r.Fields.StringList("sections", required: false) ?? [])
                if (!ids.Contains(id))
                    r.Fields.Report(DiagnosticDescriptors.UnknownSection, at, id, Suggestions.DidYouMean(id, ids));
    }

    private static void CheckScores(List<RuleDraft> rules, List<ScoreDraft> scores, List<Diagnostic> diagnostics)
    {
        var names = scores.Select(s => s.Partial.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var items = new Dictionary<(string, string), RuleDraft>();
        foreach (var r in rules.Where(r => r.Partial.Role == RuleRole.ScoreItem && r.Partial.Score is not null))
        {
            if (!names.Contains(r.Partial.Score!))
                r.Fields.Report(DiagnosticDescriptors.UnknownScore, r.Fields.At(r.Fields.Value("score")!), r.Partial.Score, Suggestions.DidYouMean(r.Partial.Score!, names));
            if (r.Partial.Item is null) continue;
            if (items.TryGetValue((r.Partial.Score!, r.Partial.Item), out var first))
                r.Fields.Report(DiagnosticDescriptors.DuplicateScoreItem, r.Fields.At(r.Fields.Value("item")!), r.Partial.Score, r.Partial.Item, first.Partial.Source.Display);
            else items[(r.Partial.Score!, r.Partial.Item)] = r;
        }
        CheckScorePoints(rules, scores, diagnostics);
    }

    /// <summary>
    /// Each item's points are positive, finite and at most the score's maximum, and the items of a
    /// score add up to at least its declared maximum: otherwise a case shows "103 / 5" or "-4 / 5".
    /// </summary>
    private static void CheckScorePoints(List<RuleDraft> rules, List<ScoreDraft> scores, List<Diagnostic> diagnostics)
    {
        foreach (var score in scores.Where(s => s.Partial.Name.Length > 0 && s.Partial.MaxPoints > 0))
        {
            var max = score.Partial.MaxPoints;
            var items = rules.Where(r => r.Partial.Role == RuleRole.ScoreItem && r.Partial.Score == score.Partial.Name).ToList();
            // A score whose files already have errors is not summed: the sum would only echo them.
            var files = items.Select(i => i.Partial.Source.Display).Append(score.Partial.Source.Display).ToHashSet(StringComparer.Ordinal);
            var valid = !diagnostics.Any(d => d.IsError && files.Contains(d.Location.File));
            foreach (var item in items.Where(i => i.Fields.Value("points") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } raw }
                && double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                var points = item.Partial.Points;
                if (double.IsFinite(points) && points > 0 && points <= max) continue;
                valid = false;
                item.Fields.Report(DiagnosticDescriptors.InvalidScorePoints, item.Fields.At(item.Fields.Value("points")!),
                    Format(points), Format(max), score.Partial.Name);
            }
            var sum = items.Sum(i => i.Partial.Points);
            // Above the maximum is not reported: items may be exclusive grades (KCCT's peripheral and
            // central calcification), which the format cannot declare yet; each item is still <= max.
            if (valid && items.Count > 0 && max - sum > 1e-9)
                score.Fields.Report(DiagnosticDescriptors.ScorePointsBelowMax, score.Fields.At(score.Fields.Value("maxPoints") ?? score.Fields.Value("score")!),
                    score.Partial.Name, Format(sum), Format(max));
        }
    }

    private static string Format(double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Scores are computed before the rules that read them fire (docs/architecture.md), so a score's
    /// items and its <c>when</c> may not read a score, directly or through derived facts (CTO3012).
    /// </summary>
    private static void CheckScoreReads(List<RuleDraft> drafts, List<RuleDefinition> rules, List<ScoreDraft> scoreDrafts, List<ScoreDefinition> scores)
    {
        var byName = rules.Where(r => r.Derives is not null).GroupBy(r => r.Derives!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var memo = new Dictionary<string, string?>(StringComparer.Ordinal);
        // The first score a derived fact reads, through its chain (cycles are reported elsewhere).
        string? ReadsScore(BoundCondition condition, HashSet<string> seen)
        {
            var direct = condition.Scores().FirstOrDefault();
            if (direct is not null) return direct;
            foreach (var dep in condition.DerivedFacts())
            {
                if (!memo.TryGetValue(dep, out var found))
                {
                    found = byName.TryGetValue(dep, out var rule) && seen.Add(dep) ? ReadsScore(rule.Condition, seen) : null;
                    memo[dep] = found;
                }
                if (found is not null) return found;
            }
            return null;
        }
        string Via(BoundCondition condition) => condition.Scores().Any() ? "" : " through derived facts";
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Role != RuleRole.ScoreItem || ReadsScore(rules[i].Condition, []) is not { } read) continue;
            drafts[i].Fields.Report(DiagnosticDescriptors.ScoreReadByScore, drafts[i].Fields.At("when"),
                $"score item '{rules[i].Id}'", read, Via(rules[i].Condition));
        }
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i].Condition is not { } when || ReadsScore(when, []) is not { } read) continue;
            scoreDrafts[i].Fields.Report(DiagnosticDescriptors.ScoreReadByScore, scoreDrafts[i].Fields.At("when"),
                $"the 'when' of score '{scores[i].Name}'", read, Via(when));
        }
    }

    private static void CheckCycles(Dictionary<string, RuleDraft> derivedBy, List<RuleDefinition> rules, List<Diagnostic> diagnostics)
    {
        var byName = rules.Where(r => r.Derives is not null).GroupBy(r => r.Derives!).ToDictionary(g => g.Key, g => g.First());
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string name, Stack<string> path)
        {
            if (state.GetValueOrDefault(name) == 2 || !byName.TryGetValue(name, out var rule)) return;
            if (state.GetValueOrDefault(name) == 1)
            {
                var cycle = path.Reverse().SkipWhile(n => n != name).Append(name).ToList();
                if (reported.Add(name) && derivedBy.TryGetValue(name, out var draft))
                    draft.Fields.Report(DiagnosticDescriptors.DerivedCycle, draft.Fields.At("when"), string.Join(" -> ", cycle));
                return;
            }
            state[name] = 1;
            path.Push(name);
            foreach (var dep in rule.Condition.DerivedFacts()) Visit(dep, path);
            path.Pop();
            state[name] = 2;
        }
        foreach (var name in byName.Keys.Order(StringComparer.Ordinal)) Visit(name, new Stack<string>());
    }
}
