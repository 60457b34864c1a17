namespace CtoRules.Fuzz.Fuzzing;

/// <summary>What a fuzz run did: inputs run, time taken, distinct outcomes seen, and its findings.</summary>
public sealed record FuzzReport(string Target, long Inputs, TimeSpan Elapsed, int Outcomes, int CorpusSize, IReadOnlyList<Finding> Findings)
{
    public double InputsPerSecond => Elapsed.TotalSeconds > 0 ? Inputs / Elapsed.TotalSeconds : 0;

    public override string ToString() =>
        $"{Target}: {Inputs} inputs in {Elapsed.TotalSeconds:0.0} s ({InputsPerSecond:0}/s), {Outcomes} distinct outcomes, corpus {CorpusSize}, {Findings.Count} finding(s)";
}
