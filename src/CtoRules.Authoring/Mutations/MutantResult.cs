using System.Collections.Immutable;

namespace CtoRules.Authoring.Mutations;

/// <summary>
/// What the corpus made of one mutant: killed by the cases that failed with it, or surviving.
/// <see cref="Distinguishing"/> lists the cases for which the mutated clause has another value;
/// when it is empty no case reaches the clause's boundary and the mutant survives without a run.
/// </summary>
public sealed record MutantResult(Mutant Mutant, ImmutableArray<string> KilledBy, ImmutableArray<string> Distinguishing)
{
    public bool Killed => !KilledBy.IsEmpty;
}
