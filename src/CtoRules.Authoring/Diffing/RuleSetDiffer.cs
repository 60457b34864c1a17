using System.Collections.Immutable;
using CtoRules.Authoring.Versioning;
using CtoRules.Engine.Corpus;
using Semver;

namespace CtoRules.Authoring.Diffing;

/// <summary>
/// Diffs two rule sets three ways (semantic, text, behavioural on the corpus) and suggests the
/// version bump: major when a rule is removed, a kind changes, or advice is removed for a corpus
/// case (or a score no longer computed); minor when a rule is added, a condition (or another field that
/// decides when or what is advised) changes, or advice is added; patch for wording and
/// references only.
/// </summary>
public static class RuleSetDiffer
{
    public static RuleSetDiff Compare(RuleSetSide before, RuleSetSide after, IReadOnlyList<CorpusCase>? corpus = null, string? corpusLabel = null)
    {
        var semantic = SemanticDiffer.Compare(before.RuleSet, after.RuleSet);
        var text = TextDiffer.Compare(before.RuleSet, after.RuleSet);
        var behaviour = corpus is null ? BehaviouralDiff.None : BehaviouralDiffer.Compare(before.RuleSet, after.RuleSet, corpus, corpusLabel);
        var reasons = Reasons(semantic, behaviour);
        var bump = reasons.Count == 0 ? VersionBump.None : reasons.Max(r => r.Bump);
        string? minimum = null;
        var baseVersion = before.IsPack ? before.Version : before.RuleSet.Manifest.Version;
        if (SemVersion.TryParse(baseVersion, SemVersionStyles.Strict, out var v))
            minimum = bump.Apply(v).ToString();
        return new RuleSetDiff(Info(before), Info(after), semantic, text, behaviour,
            new BumpSuggestion(bump, minimum, [.. reasons.OrderByDescending(r => r.Bump).ThenBy(r => r.Reason, StringComparer.Ordinal)]));
    }

    private static DiffSideInfo Info(RuleSetSide s) => new(s.Label, s.RuleSet.Manifest.Id, s.Version, s.Digest);

    /// <summary>The bump each difference calls for (docs/packs.md, "Suggested bump").</summary>
    public static List<BumpReason> Reasons(SemanticDiff semantic, BehaviouralDiff behaviour)
    {
        var r = new List<BumpReason>();
        foreach (var rule in semantic.RulesRemoved) r.Add(new(VersionBump.Major, $"rule {rule.Id} removed"));
        foreach (var rule in semantic.RulesAdded) r.Add(new(VersionBump.Minor, $"rule {rule.Id} added"));
        foreach (var change in semantic.RulesChanged)
            foreach (var f in change.Fields)
            {
                var bump = f.Field switch
                {
                    "kind" or "role" => VersionBump.Major,
                    "condition" or "actions" or "stage" or "step" or "derives" or "score" or "item" or "points" => VersionBump.Minor,
                    "text" or "title" or "references" or "rationale" => VersionBump.Patch,
                    _ => VersionBump.None,  // version, path: bookkeeping, not meaning
                };
                if (bump != VersionBump.None) r.Add(new(bump, $"rule {change.Id}: {f.Field} changed"));
            }
        foreach (var s in semantic.Scores)
        {
            if (s.Change == "removed") r.Add(new(VersionBump.Major, $"score {s.Key} removed"));
            else if (s.Change == "added") r.Add(new(VersionBump.Minor, $"score {s.Key} added"));
            else
                foreach (var f in s.Fields)
                    r.Add(new(f.Field is "maxPoints" or "condition" or "categories" ? VersionBump.Minor : VersionBump.Patch, $"score {s.Key}: {f.Field} changed"));
        }
        foreach (var e in semantic.References) r.Add(new(VersionBump.Patch, $"reference {e.Key} {e.Change}"));
        foreach (var f in semantic.Manifest.Where(f => f.Field != "version")) r.Add(new(VersionBump.Patch, $"rule set {f.Field} changed"));

        // Behaviour: one reason per advice item or score and kind of change, counting the cases.
        var behavioural = new List<(VersionBump Bump, string What, string File)>();
        foreach (var c in behaviour.Cases)
        {
            foreach (var a in c.AdviceRemoved) behavioural.Add((VersionBump.Major, $"advice removed: {a}", c.File));
            foreach (var a in c.AdviceAdded) behavioural.Add((VersionBump.Minor, $"advice added: {a}", c.File));
            foreach (var a in c.AdviceChanged)
                behavioural.Add((a.Fields.Any(f => f is "stage" or "step") ? VersionBump.Minor : VersionBump.Patch,
                    $"advice changed ({string.Join(", ", a.Fields)}): {a}", c.File));
            foreach (var s in c.Scores)
                behavioural.Add(s.PointsAfter is null && s.PointsBefore is not null
                    ? (VersionBump.Major, $"score {s.Score} no longer computed", c.File)
                    : (VersionBump.Minor, $"score {s.Score} changed", c.File));
        }
        foreach (var g in behavioural.GroupBy(x => (x.Bump, x.What)))
        {
            var files = g.Select(x => x.File).Distinct().ToList();
            r.Add(new(g.Key.Bump, $"{g.Key.What} in {(files.Count == 1 ? "case " + files[0] : $"{files.Count} corpus cases")}"));
        }
        return r;
    }
}
