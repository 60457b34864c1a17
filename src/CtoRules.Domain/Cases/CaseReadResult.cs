namespace CtoRules.Cases;

/// <summary>
/// The outcome of reading a case: either a valid <see cref="Case"/> and no errors, or no case and
/// every error found (in document order, each with its JSON path).
/// </summary>
public sealed record CaseReadResult(Case? Case, IReadOnlyList<CaseError> Errors)
{
    public bool IsValid => Case is not null && Errors.Count == 0;

    internal static CaseReadResult Valid(Case @case) => new(@case, []);

    internal static CaseReadResult Invalid(IReadOnlyList<CaseError> errors) => new(null, errors);

    internal static CaseReadResult Invalid(string path, string message) => new(null, [new CaseError(path, message)]);
}
