namespace CtoRules.Reviews.Model;

/// <summary>
/// A submission of the working copy for review. Everything the reviewer judges is frozen here at
/// submission time, so a later edit cannot change what was approved unseen.
/// </summary>
public sealed class ReviewSubmission
{
    public int Id { get; set; }
    public required string RuleSetId { get; set; }
    public required string Summary { get; set; }

    /// <summary>The working copy's content digest when submitted; a different digest now makes it stale.</summary>
    public required string Digest { get; set; }

    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public ReviewStatus Status { get; set; }

    /// <summary>The newest published pack's version the diff is against (null: nothing published yet).</summary>
    public string? BaseVersion { get; set; }

    /// <summary>The version publish will use: the newest pack's version raised by the suggested bump.</summary>
    public required string SuggestedVersion { get; set; }
    public string? SuggestedBump { get; set; }

    /// <summary>The diff against the newest pack as the release note (markdown); empty without a pack.</summary>
    public string DiffMarkdown { get; set; } = "";

    public int CorpusPassed { get; set; }
    public int CorpusFailed { get; set; }
    public int CorpusErrors { get; set; }

    public int? MutantsKilled { get; set; }
    public int? MutantsTotal { get; set; }
    public double? MutationScore { get; set; }

    public int Errors { get; set; }
    public int Warnings { get; set; }

    /// <summary>The diagnostics, one per line, as <c>ctorules validate</c> prints them.</summary>
    public string Diagnostics { get; set; } = "";

    public string? PackPath { get; set; }

    public List<ReviewStep> Steps { get; set; } = [];
}
