using CtoRules.Reviews.Model;
using CtoRules.Web.Components.Shared;

namespace CtoRules.Web.ComponentTests;

public class DiffAndReviewComponentTests
{
    [Fact]
    public async Task The_diff_views_show_the_changed_condition_the_changed_advice_and_the_bump()
    {
        var diff = ComponentTestKb.KnuckleDiff();
        await using var ctx = ComponentTestKb.Context();

        var view = ctx.Render<DiffViews>(p => p.Add(v => v.Diff, diff));
        view.Find(".suggested-bump").TextContent.Should().Contain("Suggested bump").And.Contain(diff.Suggestion.Bump.ToString().ToLowerInvariant());
        view.Find(".semantic").TextContent.Should().Contain("crossing.knuckle").And.Contain("lesion.lengthMm >= 40");
        var changed = view.FindAll(".case-diff");
        changed.Should().NotBeEmpty();
        changed[0].TextContent.Should().Contain("KNUCKLE");
        view.FindAll(".text-diff .line-added").Should().NotBeEmpty();
    }

    private static ReviewSubmission Submission(ReviewStatus status) => new()
    {
        Id = 1, RuleSetId = "test-kb", Summary = "s", Digest = "sha256:aa", SubmittedBy = "alice", SuggestedVersion = "1.1.0", Status = status,
    };

    [Theory]
    [InlineData(ReviewStatus.Submitted, "sha256:aa", "waiting for review", false)]
    [InlineData(ReviewStatus.Submitted, "sha256:bb", "waiting for review", true)]
    [InlineData(ReviewStatus.Approved, "sha256:aa", "approved", false)]
    [InlineData(ReviewStatus.ChangesRequested, "sha256:aa", "changes requested", false)]
    [InlineData(ReviewStatus.Published, "sha256:bb", "published", false)]
    public async Task The_review_state_says_the_status_and_staleness_in_words(ReviewStatus status, string digest, string words, bool stale)
    {
        await using var ctx = ComponentTestKb.Context();
        var view = ctx.Render<ReviewStateView>(p => p.Add(v => v.Submission, Submission(status)).Add(v => v.CurrentDigest, digest));
        view.Find(".review-state").TextContent.Should().Contain(words);
        view.Find(".review-state").GetAttribute("data-stale").Should().Be(stale ? "true" : "false");
        view.Markup.Contains("stale: the working copy changed").Should().Be(stale);
    }
}
