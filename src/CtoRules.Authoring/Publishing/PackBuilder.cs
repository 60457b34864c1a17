using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.References;
using CtoRules.Language.Rules;
using CtoRules.Packs;
using CtoRules.Packs.Canonical;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CtoRules.Authoring.Publishing;

/// <summary>
/// Builds the content of a pack from a checked rule set: the manifest, every rule's source, the
/// score definitions, and the bibliography entries that rules and scores cite.
/// </summary>
public static class PackBuilder
{
    public static PackContent Build(RuleSet set, DateTimeOffset created, PackForcedPublish? forced = null)
    {
        var m = set.Manifest;
        var entry = m.Changelog.FirstOrDefault(c => c.Version == m.Version);
        var manifest = new PackManifest(
            m.Id, m.Version, m.Title, PackFormat.EngineFormatVersion,
            new DateTimeOffset(created.UtcDateTime.Ticks - created.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
            set.Rules.Length,
            entry is null ? null : new PackChangelogEntry(entry.Version, entry.Date, entry.Changes),
            forced);
        var rules = set.Rules.OrderBy(r => r.Source.Path, StringComparer.Ordinal)
            .Select(r => new PackRule(r.Id, r.Version, r.Source.Path, Norm(r.Source.Text))).ToImmutableArray();
        var scores = set.Scores.OrderBy(s => s.Source.Path, StringComparer.Ordinal)
            .Select(s => new PackScore(s.Name, s.Source.Path, Norm(s.Source.Text))).ToImmutableArray();
        var cited = set.Rules.SelectMany(r => r.References).Concat(set.Scores.SelectMany(s => s.References))
            .Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var bibliography = set.Sources.First(s => s.Path == RuleSetReader.BibliographyPath).Text;
        var ruleset = set.Sources.First(s => s.Path == RuleSetReader.ManifestPath).Text;
        return new PackContent(manifest, Norm(ruleset), rules, scores,
            new PackReferences(RuleSetReader.BibliographyPath, cited, Norm(CitedEntries(bibliography, cited, set.Bibliography))));
    }

    private static string Norm(string text) => CanonicalJson.NormalizeNewlines(text);

    /// <summary>
    /// The bibliography cut to the cited entries, each kept verbatim (with the file's leading
    /// comment). Falls back to the whole file if the cut would read differently.
    /// </summary>
    internal static string CitedEntries(string bibliography, ImmutableArray<string> cited, ImmutableDictionary<string, Reference> parsed)
    {
        try
        {
            var lines = CanonicalJson.NormalizeNewlines(bibliography).Split('\n');
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join('\n', lines)));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlSequenceNode list || list.Style == YamlDotNet.Core.Events.SequenceStyle.Flow)
                return bibliography;
            var starts = list.Children.Select(c => (int)c.Start.Line - 1).ToList();
            if (starts.Count == 0) return bibliography;
            var keep = cited.ToHashSet(StringComparer.Ordinal);
            var header = lines.Take(starts[0]);
            var kept = new List<string>(header);
            for (var i = 0; i < list.Children.Count; i++)
            {
                var key = (list.Children[i] as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("key"), out var k) == true ? (k as YamlScalarNode)?.Value : null;
                if (key is null || !keep.Contains(key)) continue;
                var end = i + 1 < starts.Count ? starts[i + 1] : lines.Length;
                kept.AddRange(lines[starts[i]..end]);
            }
            var text = string.Join('\n', kept).TrimEnd() + "\n";
            var check = BibliographyReader.Read(text, RuleSetReader.BibliographyPath, new List<Diagnostic>());
            var same = check.Count == cited.Length && cited.All(c => check.TryGetValue(c, out var r) && parsed.TryGetValue(c, out var p) && r.Citation == p.Citation && r.Link == p.Link);
            return same ? text : bibliography;
        }
        catch (YamlException)
        {
            return bibliography;
        }
    }
}
