namespace CtoRules.Cases;

/// <summary>Thrown by <see cref="CaseBuilder.Build"/> when a case built in code is invalid.</summary>
public sealed class InvalidCaseException(IReadOnlyList<CaseError> errors)
    : Exception("invalid case: " + string.Join("; ", errors))
{
    public IReadOnlyList<CaseError> Errors { get; } = errors;
}
