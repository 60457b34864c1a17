namespace CtoRules.Audit.Chain;

/// <summary>
/// The outcome of walking the chain: valid, or the first record that is not what the chain says
/// (<see cref="RecordId"/>) and why.
/// </summary>
public sealed record VerifyResult(bool IsValid, long RecordsChecked, long FirstId, long LastId, string HeadHash, ChainProblem Problem, long? RecordId, string Message)
{
    public static VerifyResult Valid(long count, long first, long last, string head, string message) =>
        new(true, count, first, last, head, ChainProblem.None, null, message);

    public static VerifyResult Broken(long count, long first, long last, string head, ChainProblem problem, long? id, string message) =>
        new(false, count, first, last, head, problem, id, message);
}
