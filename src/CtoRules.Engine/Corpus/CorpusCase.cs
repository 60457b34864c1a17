using System.Collections.Immutable;
using CtoRules.Cases;

namespace CtoRules.Engine.Corpus;

/// <summary>A <c>ctorules/corpus-case@1</c> file: a case and what experts expect of the rule set.</summary>
public sealed record CorpusCase(
    string File,
    string Title,
    ImmutableArray<string> Tags,
    string? Source,
    Case? Case,
    ImmutableArray<CaseError> Errors,
    CorpusExpectations Expect)
{
    public const string SchemaId = "ctorules/corpus-case@1";
    public bool IsValid => Case is not null && Errors.IsEmpty;
}

/// <summary>An advice expectation: an item with one of <see cref="Kinds"/> naming <see cref="Action"/>.</summary>
public sealed record AdviceExpectation(ImmutableArray<string> Kinds, string Action)
{
    public override string ToString() =>
        $"{{ kind: {(Kinds.Length == 1 ? Kinds[0] : "[" + string.Join(", ", Kinds) + "]")}, action: {Action} }}";
}

/// <summary>
/// The <c>expect</c> block. <c>noRules</c> and <c>noScores</c> are additive to corpus-case@1
/// (docs/corpus.md): rules that must not fire, and scores that must not be computed.
/// </summary>
public sealed record CorpusExpectations(
    ImmutableArray<AdviceExpectation> Advice,
    ImmutableArray<AdviceExpectation> NoAdvice,
    ImmutableArray<(string Before, string After)> Order,
    ImmutableDictionary<string, double> Scores,
    ImmutableArray<string> Rules,
    ImmutableArray<string> NoRules,
    ImmutableArray<string> NoScores)
{
    public static CorpusExpectations Empty { get; } = new([], [], [], ImmutableDictionary<string, double>.Empty, [], [], []);
}
