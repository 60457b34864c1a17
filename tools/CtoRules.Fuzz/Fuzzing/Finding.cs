namespace CtoRules.Fuzz.Fuzzing;

/// <summary>A defect the fuzzer found: an exception escaping the reader, a hang or a memory blow-up.</summary>
public sealed record Finding(string Kind, string Signature, string Detail, byte[] Input)
{
    public override string ToString() => $"{Kind}: {Signature}\n{Detail}";
}
