using CtoRules.Reviews.Model;

namespace CtoRules.Reviews.Workflow;

/// <summary>
/// Who may take which step, as reasons why not (empty: allowed). Pages call these to enable
/// buttons; the workflow calls them again on the server before acting.
/// </summary>
public static class ReviewRules
{
    public static bool IsStale(ReviewSubmission s, string? currentDigest) =>
        s.Status != ReviewStatus.Published && !string.Equals(s.Digest, currentDigest, StringComparison.Ordinal);

    public static List<string> WhyNotSubmit(ReviewActor actor)
    {
        var why = new List<string>();
        if (!actor.IsIn(ReviewRoles.Author)) why.Add("only an author submits the working copy for review");
        return why;
    }

    public static List<string> WhyNotDecide(ReviewSubmission s, ReviewActor actor, string? currentDigest)
    {
        var why = new List<string>();
        if (!actor.IsIn(ReviewRoles.Reviewer)) why.Add("only a reviewer approves or asks for changes");
        if (actor.Is(s.SubmittedBy)) why.Add("nobody reviews their own submission (four eyes): another reviewer must");
        if (s.Status != ReviewStatus.Submitted) why.Add($"the submission is {Describe(s.Status)}, not waiting for review");
        if (IsStale(s, currentDigest)) why.Add("the working copy has changed since it was submitted (stale): the author must submit it again");
        return why;
    }

    public static List<string> WhyNotPublish(ReviewSubmission s, ReviewActor actor, string? currentDigest, bool hasSigningKey)
    {
        var why = new List<string>();
        if (!actor.IsIn(ReviewRoles.Author) && !actor.IsIn(ReviewRoles.Reviewer) && !actor.IsIn(ReviewRoles.Admin))
            why.Add("only an author, a reviewer or an admin publishes");
        if (s.Status != ReviewStatus.Approved) why.Add($"the submission is {Describe(s.Status)}; only an approved submission is published");
        if (IsStale(s, currentDigest)) why.Add("the working copy has changed since it was submitted (stale): submit it again");
        if (s.Errors > 0) why.Add($"the rule set had {s.Errors} error(s) when submitted");
        if (s.CorpusFailed > 0 || s.CorpusErrors > 0) why.Add($"the corpus was not green when submitted ({s.CorpusFailed} failed, {s.CorpusErrors} error(s))");
        if (!hasSigningKey) why.Add(ReviewWorkspace.NoKeyHelp);
        return why;
    }

    public static string Describe(ReviewStatus status) => status switch
    {
        ReviewStatus.Submitted => "waiting for review",
        ReviewStatus.Approved => "approved",
        ReviewStatus.ChangesRequested => "sent back with changes requested",
        _ => "published",
    };
}
