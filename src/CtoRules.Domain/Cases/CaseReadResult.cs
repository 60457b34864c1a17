namespace CtoRules.Cases;

/// <summary>
/// The outcome of reading a case: either a valid <see cref="Case"/> and no errors, or no case and
/// every error found (in document order, each with its JSON path).
/// </summary>
public sealed record CaseReadResult(Case? Case, IReadOnlyList<CaseError> Errors)
{
    public bool IsValid => Case is not null && Errors.Count == 0;

    internal static CaseReadResult Valid(Case @case) => new(@case, []);

    /// <summary>At most this many errors are reported per case; the rest are counted in one last error.</summary>
    public const int MaxErrors = 100;

    /// <summary>
    /// The errors without repeats, capped at <see cref="MaxErrors"/>: a body of 70,000 unknown
    /// properties must not become a response many times its own size.
    /// </summary>
    internal static CaseReadResult Invalid(IReadOnlyList<CaseError> errors)
    {
        var distinct = errors.Distinct().ToList();
        if (distinct.Count <= MaxErrors) return new(null, distinct);
        var more = distinct.Count - MaxErrors;
        return new(null, [.. distinct.Take(MaxErrors), new CaseError("$", $"{more} more error(s) not shown; fix the ones above first")]);
    }

    internal static CaseReadResult Invalid(string path, string message) => new(null, [new CaseError(path, message)]);
}
