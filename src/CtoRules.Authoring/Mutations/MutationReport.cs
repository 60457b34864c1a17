using System.Collections.Immutable;

namespace CtoRules.Authoring.Mutations;

/// <summary>A mutation check: every mutant with its result, the score and what it cost.</summary>
public sealed record MutationReport(
    ImmutableArray<MutantResult> Results,
    int CasesRun,
    int Compiles,
    TimeSpan Elapsed,
    TimeSpan CompileTime)
{
    public int Killed => Results.Count(r => r.Killed);
    public IEnumerable<MutantResult> Survivors => Results.Where(r => !r.Killed);

    /// <summary>Killed mutants as a percentage of all mutants (100 when there are none).</summary>
    public double Score => Results.IsEmpty ? 100 : 100.0 * Killed / Results.Length;
}
