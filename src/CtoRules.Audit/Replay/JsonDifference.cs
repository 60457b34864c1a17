namespace CtoRules.Audit.Replay;

/// <summary>One difference between two JSON documents: where (a JSON path), and the value before and after (compact JSON; null when absent).</summary>
public sealed record JsonDifference(string Path, string? Before, string? After)
{
    public override string ToString() => $"{Path}: {Before ?? "(absent)"} -> {After ?? "(absent)"}";
}
