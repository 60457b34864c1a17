using CtoRules.Fuzz.Targets;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Fuzz.Tests.Properties;

/// <summary>Issue 15, properties: the newest published pack evaluates every corpus case exactly as its source, rules/.</summary>
public sealed class PublishedPackProperties
{
    [Fact]
    public void The_newest_published_pack_evaluates_every_corpus_case_exactly_as_rules()
    {
        var newest = Directory.GetFiles(RepoFiles.Path("packs"), "*" + PackFormat.Extension)
            .OrderBy(f => Semver.SemVersion.Parse(Path.GetFileName(f).Split('-').Last().Replace(PackFormat.Extension, "", StringComparison.Ordinal), Semver.SemVersionStyles.Strict), Semver.SemVersion.SortOrderComparer)
            .Last();
        // Loaded as a downstream app does: through the pack loader, its signature verified with the committed public keys.
        var pack = RulePack.Load(newest, PackTrust.SignedByKeyFiles(Directory.GetFiles(RepoFiles.Path("packs"), "*.pub.pem")));
        pack.SignatureVerifiedBy.Should().NotBeNull();
        pack.Manifest.Version.Should().Be(KnowledgeBase.RuleSet.Manifest.Version, "the newest pack is the published version of rules/");

        KnowledgeBase.Corpus.Should().HaveCountGreaterThan(100);
        foreach (var c in KnowledgeBase.Corpus)
        {
            var fromPack = pack.Evaluate(c) with { EvaluatedAt = KnowledgeBase.Instant };
            KnowledgeBase.Text(fromPack).Should().Be(KnowledgeBase.Text(KnowledgeBase.Advisor.Evaluate(c)), c.Id);
        }
    }
}
