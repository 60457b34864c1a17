using CtoRules.Authoring.Advising;
using CtoRules.Authoring.Workspace;
using CtoRules.Cases;

namespace CtoRules.Authoring.Tests.Advising;

/// <summary>The advisor's rule sets: the working copy and the published packs, verified with the shipped keys.</summary>
public class RuleSourcesTests
{
    private static string Root => TestRepo.Root;

    private static readonly Case Planning = CaseReader.ReadYaml(
        "schema: ctorules/case@1\nid: s\nlesion: { calcification: severe, lengthMm: 25 }\nprocedure: { stage: planning }\n").Case!;

    [Fact]
    public void The_working_copy_and_the_shipped_pack_are_offered_and_the_pack_verifies_with_the_shipped_key()
    {
        var sources = new RuleSources(new WorkingCopy(Path.Combine(Root, "rules"), Path.Combine(Root, "packs")));
        var list = sources.List();
        list[0].Key.Should().Be(RuleSource.WorkingCopyKey);
        var pack = list.Should().ContainSingle(s => s.Key == "eurocto-calcified-cto-1.0.0.ctopack.json").Subject;
        pack.IsUsable.Should().BeTrue(pack.Problem);

        var published = sources.Resolve(pack.Key)!.Evaluate(Planning);
        published.RuleSet.Digest.Should().StartWith("sha256:");
        published.RuleSet.Version.Should().Be("1.0.0");
        // A draft working copy has no digest; one whose content equals a published pack names that pack's version and digest.
        var working = sources.Resolve(RuleSource.WorkingCopyKey)!.Evaluate(Planning).RuleSet;
        if (working.Digest is not null)
            working.Digest.Should().Be(sources.Resolve($"eurocto-calcified-cto-{working.Version}.ctopack.json")!.Evaluate(Planning).RuleSet.Digest);
        sources.Resolve("no-such.ctopack.json").Should().BeNull();
    }

    [Fact]
    public void A_pack_that_does_not_verify_is_listed_with_the_reason_and_never_evaluated()
    {
        var packs = Directory.CreateTempSubdirectory("ctorules-advisor-packs-").FullName;
        File.Copy(Path.Combine(Root, "packs", "eurocto-calcified-cto.pub.pem"), Path.Combine(packs, "eurocto-calcified-cto.pub.pem"));
        var text = File.ReadAllText(Path.Combine(Root, "packs", "eurocto-calcified-cto-1.0.0.ctopack.json"));
        File.WriteAllText(Path.Combine(packs, "tampered-1.0.0.ctopack.json"), text.Replace("First release of the knowledge base.", "First release, changed."));
        text.Should().Contain("First release of the knowledge base.", "the test changes the pack's content");

        var sources = new RuleSources(new WorkingCopy(Path.Combine(Root, "rules"), packs));
        var tampered = sources.List().Should().ContainSingle(s => s.Key == "tampered-1.0.0.ctopack.json").Subject;
        tampered.IsUsable.Should().BeFalse();
        tampered.Problem.Should().NotBeNullOrEmpty();
        sources.Resolve(tampered.Key).Should().BeNull();
    }
}
