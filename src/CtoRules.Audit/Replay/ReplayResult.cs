namespace CtoRules.Audit.Replay;

/// <summary>
/// A replay of one record on one pack: identical (the advice is the same but for the evaluation
/// time), or exactly what differs. <see cref="Error"/> says why it could not run (then nothing else is set).
/// </summary>
public sealed record ReplayResult(long RecordId, string? PackVersion, string? PackDigest, IReadOnlyList<JsonDifference> Differences, string? Error = null)
{
    public bool Ran => Error is null;
    public bool Identical => Ran && Differences.Count == 0;

    public static ReplayResult Failed(long id, string error) => new(id, null, null, [], error);
}
