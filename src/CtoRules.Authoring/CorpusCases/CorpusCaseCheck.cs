using System.Collections.Immutable;
using CtoRules.Cases;
using CtoRules.Engine.Corpus;

namespace CtoRules.Authoring.CorpusCases;

/// <summary>
/// The form's document as the corpus reader reads it: the YAML text, the parsed case when valid,
/// and every error with its JSON path (<c>case.lesion.lengthMm</c>, <c>expect.advice[1].action</c>).
/// </summary>
public sealed record CorpusCaseCheck(string Text, CorpusCase? Parsed, ImmutableArray<CaseError> Errors)
{
    public bool IsValid => Parsed is { IsValid: true } && Errors.IsEmpty;

    /// <summary>The messages for one path, joined; null when it has none.</summary>
    public string? ErrorFor(string path)
    {
        var messages = Errors.Where(e => e.Path == path).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join("; ", messages);
    }
}
