using System.Collections.Immutable;
using CtoRules.Cases;

namespace CtoRules.Authoring.Advising;

/// <summary>
/// The entered case checked by the Domain validator: the <see cref="Case"/> when valid, and every
/// error with its JSON path, so the form shows the contract's message next to the field.
/// </summary>
public sealed record CaseFormCheck(Case? Case, ImmutableArray<CaseError> Errors)
{
    public bool IsValid => Case is not null && Errors.IsEmpty;

    /// <summary>The messages for one field (or <c>id</c>), joined; null when it has none.</summary>
    public string? ErrorFor(string path)
    {
        var messages = Errors.Where(e => e.Path == path).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join("; ", messages);
    }

    /// <summary>Errors that belong to no field of the form (the document as a whole, or a field it does not have).</summary>
    public IEnumerable<CaseError> OtherErrors =>
        Errors.Where(e => e.Path != "id" && e.Path != "description" && CaseSchema.Find(e.Path) is null);
}
