using System.Collections.Immutable;
using CtoRules.Authoring.Diffing;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Diagnostics;
using CtoRules.Packs;

namespace CtoRules.Authoring.Publishing;

/// <summary>
/// A publish: the pack written, or every reason it was refused. Diagnostics and corpus results
/// are kept so a caller can print them.
/// </summary>
public sealed record PublishResult(
    string? PackPath,
    string? Digest,
    PackContent? Content,
    ImmutableArray<string> Refusals,
    ImmutableArray<Diagnostic> Diagnostics,
    CorpusReport? Corpus,
    RuleSetDiff? Diff,
    string? SignatureKeyId = null)
{
    public bool Published => PackPath is not null;
}
