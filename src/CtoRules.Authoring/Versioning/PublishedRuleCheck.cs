using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using CtoRules.Packs;

namespace CtoRules.Authoring.Versioning;

/// <summary>
/// Once a rule is published its version must rise with every change: a rule whose source differs
/// from the latest published pack's (newlines and trailing blanks aside) but whose
/// <c>version</c> did not rise is CTO1021, reported at its <c>version:</c> line.
/// </summary>
public static class PublishedRuleCheck
{
    public static ImmutableArray<Diagnostic> Check(RuleSet working, PackContent published)
    {
        var before = published.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var rule in working.Rules)
        {
            if (!before.TryGetValue(rule.Id, out var old)) continue;
            if (Normalize(old.Source) == Normalize(rule.Source.Text) || rule.Version > old.Version) continue;
            result.Add(DiagnosticDescriptors.RuleChangedWithoutVersion.Create(
                VersionLine(rule.Source), rule.Id, $"{published.Manifest.Id} {published.Manifest.Version} (version {old.Version})", rule.Version));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Checks against the latest pack of the rule set in <paramref name="packsDirectory"/> (none: no
    /// diagnostic). Throws <see cref="PackException"/> when that pack does not verify.
    /// </summary>
    public static ImmutableArray<Diagnostic> CheckAgainstLatest(RuleSet working, string packsDirectory)
    {
        var latest = PackCatalog.Latest(packsDirectory, working.Manifest.Id);
        return latest is null ? [] : Check(working, RulePack.Load(latest.Path, Packs.Signing.PackTrust.DigestOnly).Content);
    }

    private static string Normalize(string text) =>
        string.Join('\n', Packs.Canonical.CanonicalJson.NormalizeNewlines(text).Split('\n').Select(l => l.TrimEnd())).TrimEnd();

    /// <summary>The position of the value of the front matter's <c>version:</c> field.</summary>
    internal static SourceLocation VersionLine(SourceFile source)
    {
        var lines = Packs.Canonical.CanonicalJson.NormalizeNewlines(source.Text).Split('\n');
        for (var i = 1; i < lines.Length && lines[i].TrimEnd() != "---"; i++)
        {
            if (!lines[i].StartsWith("version", StringComparison.Ordinal)) continue;
            var rest = lines[i]["version".Length..];
            if (!rest.TrimStart().StartsWith(':')) continue;
            var colon = lines[i].IndexOf(':');
            var column = colon + 1;
            while (column < lines[i].Length && lines[i][column] == ' ') column++;
            return new SourceLocation(source.Display, i + 1, column + 1);
        }
        return new SourceLocation(source.Display, 1, 1);
    }
}
