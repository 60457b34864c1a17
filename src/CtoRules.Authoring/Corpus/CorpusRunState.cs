using CtoRules.Authoring.Mutations;
using CtoRules.Engine.Corpus;

namespace CtoRules.Authoring.Corpus;

/// <summary>A snapshot of the corpus service: what is running, how far it is, and the last results.</summary>
public sealed record CorpusRunState(
    bool Running,
    string? Activity,
    int Done,
    int Total,
    CorpusReport? Report,
    ClauseCoverageReport? Clauses,
    MutationReport? Mutations,
    TimeSpan? RunTime,
    string? Error)
{
    public static CorpusRunState Idle { get; } = new(false, null, 0, 0, null, null, null, null, null);

    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}
