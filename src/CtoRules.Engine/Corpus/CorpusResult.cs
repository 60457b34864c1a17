using System.Collections.Immutable;

namespace CtoRules.Engine.Corpus;

/// <summary>The outcome of one corpus case: its failed expectations, or its corpus errors.</summary>
public sealed record CorpusCaseResult(CorpusCase Case, EvaluationTrace? Evaluation, ImmutableArray<string> Failures)
{
    public bool IsError => !Case.IsValid;
    public bool Passed => !IsError && Failures.IsEmpty;
}

/// <summary>Which corpus cases fire a rule, and which are near misses for it.</summary>
public sealed record RuleCoverage(string RuleId, ImmutableArray<string> FiredIn, ImmutableArray<string> NearMissIn)
{
    public bool Covered => !FiredIn.IsEmpty && !NearMissIn.IsEmpty;
}

/// <summary>A corpus run: one result per case and the coverage of every rule.</summary>
public sealed record CorpusReport(ImmutableArray<CorpusCaseResult> Results, ImmutableArray<RuleCoverage> Coverage)
{
    public int Passed => Results.Count(r => r.Passed);
    public int Failed => Results.Count(r => !r.Passed && !r.IsError);
    public int Errors => Results.Count(r => r.IsError);
    public bool Success => Failed == 0 && Errors == 0;
}
