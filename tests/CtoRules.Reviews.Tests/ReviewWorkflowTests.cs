using CtoRules.Packs;
using CtoRules.Packs.Signing;
using CtoRules.Reviews.Model;
using CtoRules.Reviews.Storage;
using CtoRules.Reviews.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Tests;

public class ReviewWorkflowTests
{
    [Fact]
    public async Task A_submission_freezes_digest_corpus_mutation_score_and_diagnostics()
    {
        using var f = new ReviewFixture();
        var outcome = await f.Workflow.SubmitAsync(ReviewFixture.Alice, "First review of the test knowledge base");
        outcome.Refusals.Should().BeEmpty();
        var s = outcome.Submission!;
        s.Digest.Should().Be(f.Workflow.CurrentDigest()).And.StartWith("sha256:");
        s.CorpusPassed.Should().Be(4);
        s.CorpusFailed.Should().Be(0);
        s.MutantsTotal.Should().BeGreaterThan(0);
        s.MutationScore.Should().BeInRange(0, 100);
        s.SuggestedVersion.Should().Be("1.0.0", "nothing is published yet: the manifest's version");
        s.BaseVersion.Should().BeNull();
        s.Steps.Should().ContainSingle().Which.Kind.Should().Be(ReviewStepKind.Submitted);
    }

    [Fact]
    public async Task Only_authors_submit_and_a_summary_is_needed()
    {
        using var f = new ReviewFixture();
        (await f.Workflow.SubmitAsync(ReviewFixture.Bob, "x", mutations: false)).Refusals.Should().Contain(r => r.Contains("only an author"));
        (await f.Workflow.SubmitAsync(ReviewFixture.Carol, "  ", mutations: false)).Refusals.Should().Contain(r => r.Contains("summary"));
    }

    [Fact]
    public async Task Four_eyes_then_publish_signs_a_pack_that_verifies_and_names_everyone_in_the_changelog()
    {
        using var f = new ReviewFixture();
        var id = (await f.Workflow.SubmitAsync(ReviewFixture.Alice, "First release", mutations: false)).Submission!.Id;

        var self = await f.Workflow.ApproveAsync(id, ReviewFixture.Alice, "looks good to me");
        self.Succeeded.Should().BeFalse();
        self.Refusals.Should().Contain(r => r.Contains("four eyes"));
        (await f.Workflow.ApproveAsync(id, ReviewFixture.Carol, "ok")).Refusals.Should().Contain(r => r.Contains("only a reviewer"));
        (await f.Workflow.PublishAsync(id, ReviewFixture.Alice)).Refusals.Should().Contain(r => r.Contains("only an approved submission"));

        (await f.Workflow.ApproveAsync(id, ReviewFixture.Bob, "Checked the corpus and the diff")).Succeeded.Should().BeTrue();
        var published = await f.Workflow.PublishAsync(id, ReviewFixture.Carol);
        published.Refusals.Should().BeEmpty();
        published.Submission!.Status.Should().Be(ReviewStatus.Published);

        var pack = RulePack.Load(Path.Combine(f.Workspace.PacksDirectory, published.Submission.PackPath!), PackTrust.SignedBy(PackPublicKey.FromPem(f.PublicKeyPem!)));
        pack.Manifest.Version.Should().Be("1.0.0");
        pack.Manifest.Changelog!.Changes.Should().Contain("Review 1: submitted by alice, approved by bob, published by carol.");

        var stored = await f.Workflow.GetAsync(id);
        stored!.Steps.Select(s => (s.Kind, s.UserName)).Should().Equal(
            (ReviewStepKind.Submitted, "alice"), (ReviewStepKind.Approved, "bob"), (ReviewStepKind.Published, "carol"));
        stored.Steps[1].Comment.Should().Be("Checked the corpus and the diff");
        (await f.Workflow.PublishAsync(id, ReviewFixture.Carol)).Succeeded.Should().BeFalse("a submission is published once");
    }

    [Fact]
    public async Task A_changed_working_copy_makes_the_submission_stale()
    {
        using var f = new ReviewFixture();
        var id = (await f.Workflow.SubmitAsync(ReviewFixture.Alice, "Knuckle from 20 mm", mutations: false)).Submission!.Id;
        f.Edit("rules/crossing/knuckle.md", "lesion.lengthMm >= 20", "lesion.lengthMm >= 25");
        var outcome = await f.Workflow.ApproveAsync(id, ReviewFixture.Bob, "ok");
        outcome.Refusals.Should().ContainSingle().Which.Should().Contain("stale");
        ReviewRules.IsStale((await f.Workflow.GetAsync(id))!, f.Workflow.CurrentDigest()).Should().BeTrue();

        var again = await f.Workflow.SubmitAsync(ReviewFixture.Alice, "Knuckle from 25 mm", mutations: false);
        (await f.Workflow.ApproveAsync(again.Submission!.Id, ReviewFixture.Bob, "ok")).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Without_a_signing_key_publish_is_refused_with_how_to_make_one()
    {
        using var f = new ReviewFixture(withKey: false);
        var id = (await f.Workflow.SubmitAsync(ReviewFixture.Alice, "First release", mutations: false)).Submission!.Id;
        await f.Workflow.ApproveAsync(id, ReviewFixture.Bob, "ok");
        var manifest = File.ReadAllText(Path.Combine(f.Workspace.RulesDirectory, "ruleset.yaml"));
        var outcome = await f.Workflow.PublishAsync(id, ReviewFixture.Alice);
        outcome.Refusals.Should().ContainSingle().Which.Should().Contain("ctorules keygen");
        Directory.Exists(f.Workspace.PacksDirectory).Should().BeFalse();
        File.ReadAllText(Path.Combine(f.Workspace.RulesDirectory, "ruleset.yaml")).Should().Be(manifest);
    }

    [Fact]
    public async Task A_second_release_gets_the_suggested_bump_and_its_own_changelog_entry()
    {
        using var f = new ReviewFixture();
        var first = (await f.Workflow.SubmitAsync(ReviewFixture.Alice, "First release", mutations: false)).Submission!.Id;
        await f.Workflow.ApproveAsync(first, ReviewFixture.Bob, "ok");
        (await f.Workflow.PublishAsync(first, ReviewFixture.Alice)).Succeeded.Should().BeTrue();

        f.Edit("rules/crossing/knuckle.md", "version: 1", "version: 2");
        f.Edit("rules/crossing/knuckle.md", "lesion.lengthMm >= 20", "lesion.lengthMm >= 25");
        var second = (await f.Workflow.SubmitAsync(ReviewFixture.Carol, "Knuckle only from 25 mm", mutations: false)).Submission!;
        second.BaseVersion.Should().Be("1.0.0");
        second.SuggestedVersion.Should().NotBe("1.0.0");
        second.DiffMarkdown.Should().Contain("crossing.knuckle");
        await f.Workflow.ApproveAsync(second.Id, ReviewFixture.Alice, "ok");
        var published = await f.Workflow.PublishAsync(second.Id, ReviewFixture.Bob);
        published.Refusals.Should().BeEmpty();
        File.ReadAllText(Path.Combine(f.Workspace.RulesDirectory, "ruleset.yaml"))
            .Should().Contain($"version: {second.SuggestedVersion}").And.Contain("submitted by carol, approved by alice, published by bob");
    }

    [Fact]
    public void The_sqlite_store_keeps_its_own_migrations_history_table()
    {
        using var f = new ReviewFixture(withKey: false);
        f.Db.Database.GetAppliedMigrations().Should().ContainSingle().Which.Should().EndWith("InitialReviews");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={f.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select name from sqlite_master where type = 'table' order by name";
        var tables = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) tables.Add(reader.GetString(0));
        tables.Should().Contain([ReviewDbContext.HistoryTable, "ReviewSubmissions", "ReviewSteps"]).And.NotContain("__EFMigrationsHistory");
    }
}
