namespace CtoRules.Reviews.Model;

/// <summary>Where a submission stands. Staleness is not a status: it is computed against the working copy.</summary>
public enum ReviewStatus
{
    Submitted,
    Approved,
    ChangesRequested,
    Published,
}
