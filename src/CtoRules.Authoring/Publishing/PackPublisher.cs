using CtoRules.Authoring.Files;
using System.Collections.Immutable;
using CtoRules.Authoring.Diffing;
using CtoRules.Authoring.Versioning;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using CtoRules.Packs;
using CtoRules.Packs.Signing;
using Semver;

namespace CtoRules.Authoring.Publishing;

/// <summary>
/// Publishes the working copy as an immutable pack (docs/packs.md). Refuses, with every reason,
/// on any diagnostic (a warning included, and CTO1021 against the latest pack), any corpus
/// failure or error, a version that is not the manifest's or has no changelog entry, a version
/// that already has a pack or is not above the latest, and a version below the suggested bump
/// unless forced with a reason.
/// </summary>
public static class PackPublisher
{
    public static PublishResult Publish(PublishOptions options)
    {
        var refusals = new List<string>();
        var load = RuleSetReader.LoadDirectory(options.RulesDirectory, options.ReferencesDirectory);
        var diagnostics = load.Diagnostics.ToList();
        if (load.RuleSet is not { } set)
        {
            refusals.Add($"the rule set has {diagnostics.Count(d => d.IsError)} error(s) and {diagnostics.Count(d => !d.IsError)} warning(s)");
            return Refused(refusals, diagnostics, null, null);
        }

        // Lints that validate runs on a set that read cleanly count as diagnostics too.
        diagnostics.AddRange(RuleSetReader.UncitedReferences(set));
        diagnostics.AddRange(CardSummary.Lint(set));

        // The latest published pack of this rule set: the version check and the bump are against it.
        var latestFile = PackCatalog.Latest(options.PacksDirectory, set.Manifest.Id);
        RulePack? latest = null;
        if (latestFile is not null)
        {
            try
            {
                latest = RulePack.Load(latestFile.Path, PackTrust.DigestOnly);
                diagnostics.AddRange(PublishedRuleCheck.Check(set, latest.Content));
            }
            catch (PackException e)
            {
                refusals.Add($"the latest published pack does not verify: {e.Message}");
            }
        }
        if (diagnostics.Count > 0)
            refusals.Add($"the rule set has {diagnostics.Count(d => d.IsError)} error(s) and {diagnostics.Count(d => !d.IsError)} warning(s); a pack is published without any diagnostic");

        var version = options.Version ?? set.Manifest.Version;
        SemVersion? semver = null;
        if (!SemVersion.TryParse(version, SemVersionStyles.Strict, out semver))
            refusals.Add($"'{version}' is not a semantic version (MAJOR.MINOR.PATCH)");
        else if (version != set.Manifest.Version)
            refusals.Add($"rules/ruleset.yaml says version {set.Manifest.Version}; set it to {version} and add a changelog entry for {version} before publishing {version}");
        else if (!set.Manifest.Changelog.Any(c => c.Version == version))
            refusals.Add($"rules/ruleset.yaml has no changelog entry for {version}; add one (newest first) saying what changed");

        var target = Path.Combine(options.PacksDirectory, PackFormat.FileName(set.Manifest.Id, version));
        if (File.Exists(target) || PackCatalog.List(options.PacksDirectory, set.Manifest.Id).Any(p => semver is not null && p.Version.ComparePrecedenceTo(semver) == 0))
            refusals.Add($"a pack of {set.Manifest.Id} {version} already exists ({RuleSetReader.Display(target)}); a published pack is never overwritten: publish a new version");
        else if (latestFile is not null && semver is not null && semver.ComparePrecedenceTo(latestFile.Version) < 0)
            refusals.Add($"{version} is below the latest published version {latestFile.Version}");

        // The corpus must pass in full.
        CorpusReport? report = null;
        if (!Directory.Exists(options.CorpusDirectory))
            refusals.Add($"no corpus folder {options.CorpusDirectory}; a pack is published only after its corpus passes");
        else
        {
            var cases = CorpusReader.ReadDirectory(options.CorpusDirectory);
            report = CorpusRunner.Run(RuleSetCompiler.GetOrCompile(set), cases);
            if (!report.Success)
                refusals.Add($"the corpus does not pass: {report.Failed} failed, {report.Errors} error(s) of {report.Results.Length} cases ("
                    + string.Join(", ", report.Results.Where(r => !r.Passed).Take(10).Select(r => r.Case.File)) + (report.Results.Count(r => !r.Passed) > 10 ? ", …" : "") + ")");
        }

        // The suggested bump against the latest pack.
        RuleSetDiff? diff = null;
        PackForcedPublish? forced = null;
        if (latest is not null && semver is not null && report is not null)
        {
            var cases = report.Results.Select(r => r.Case).ToList();
            diff = RuleSetDiffer.Compare(
                new RuleSetSide(latest.File, latest.RuleSet, latest.Manifest.Version, latest.Digest),
                new RuleSetSide(options.RulesDirectory, set, set.Manifest.Version + "-draft", null), cases, options.CorpusDirectory);
            var minimum = diff.Suggestion.Bump.Apply(latestFile!.Version);
            if (semver.ComparePrecedenceTo(minimum) < 0)
            {
                var why = $"{version} is below the suggested {diff.Suggestion.Bump.Name()} bump from {latestFile.Version} (publish as {minimum} or higher): "
                    + string.Join("; ", diff.Suggestion.Reasons.Where(r => r.Bump == diff.Suggestion.Bump).Take(5).Select(r => r.Reason));
                if (string.IsNullOrWhiteSpace(options.ForceReason))
                    refusals.Add(why + "; or give --force with a reason");
                else forced = new PackForcedPublish(options.ForceReason.Trim(), diff.Suggestion.Bump.Name(), minimum.ToString());
            }
        }

        if (refusals.Count > 0) return Refused(refusals, diagnostics, report, diff);

        var content = PackBuilder.Build(set, options.Time.GetUtcNow(), forced);
        var digest = content.ComputeDigest();
        var signature = options.SigningKey is null ? null : PackKeys.Sign(digest, options.SigningKey);
        try
        {
            AtomicFile.WriteNew(target, PackSerializer.ToFileText(content, digest, signature), options.BeforeCommit);
        }
        catch (IOException e)
        {
            return Refused([$"the pack could not be written: {e.Message}"], diagnostics, report, diff);
        }
        return new PublishResult(target, digest, content, [], [.. diagnostics], report, diff, signature?.KeyId);
    }

    private static PublishResult Refused(List<string> refusals, List<Diagnostic> diagnostics, CorpusReport? report, RuleSetDiff? diff) =>
        new(null, null, null, [.. refusals], [.. diagnostics], report, diff);
}
