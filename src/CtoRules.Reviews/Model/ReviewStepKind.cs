namespace CtoRules.Reviews.Model;

public enum ReviewStepKind
{
    Submitted,
    Approved,
    ChangesRequested,
    Published,
}
