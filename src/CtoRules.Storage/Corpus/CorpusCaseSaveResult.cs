using System.Collections.Immutable;
using CtoRules.Authoring.Editing;
using CtoRules.Cases;
using CtoRules.Storage.Rules;

namespace CtoRules.Storage.Corpus;

/// <summary>
/// How a corpus-case save ended. On <see cref="SaveOutcome.Conflict"/>, <see cref="CurrentText"/>
/// is the file as someone else saved it and <see cref="Difference"/> compares it with the author's
/// text; on <see cref="SaveOutcome.Invalid"/>, <see cref="Errors"/> name JSON paths.
/// </summary>
public sealed record CorpusCaseSaveResult(SaveOutcome Outcome, string Message)
{
    public CorpusCaseDocument? Saved { get; init; }

    public string? CurrentText { get; init; }

    public ImmutableArray<DiffRow> Difference { get; init; } = [];

    public ImmutableArray<CaseError> Errors { get; init; } = [];
}
