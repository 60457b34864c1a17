using CtoRules.Cases;
using CtoRules.Fuzz.Fuzzing;

namespace CtoRules.Fuzz.Targets;

/// <summary>The case reader on JSON bytes, as an HTTP body reaches it (<see cref="CaseReader.ReadUtf8Json"/>).</summary>
public sealed class CaseJsonTarget : FuzzTarget
{
    public override string Name => "case-json";

    public override string Description => "case@1 reader, JSON bytes (strict UTF-8, duplicate keys, ranges, consistency)";

    public override IReadOnlyList<string> Dictionary { get; } = CaseVocabulary.Json;

    public override string Run(byte[] input) => CaseOutcome.Of(CaseReader.ReadUtf8Json(input));
}
