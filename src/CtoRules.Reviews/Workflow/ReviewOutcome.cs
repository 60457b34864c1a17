using System.Collections.Immutable;
using CtoRules.Reviews.Model;

namespace CtoRules.Reviews.Workflow;

/// <summary>A workflow step taken (with the submission as it now is), or every reason it was refused.</summary>
public sealed record ReviewOutcome(ReviewSubmission? Submission, ImmutableArray<string> Refusals)
{
    public bool Succeeded => Refusals.IsEmpty;

    public static ReviewOutcome Refused(params IEnumerable<string> reasons) => new(null, [.. reasons]);
}
