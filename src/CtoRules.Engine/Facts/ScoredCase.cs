namespace CtoRules.Engine.Facts;

/// <summary>
/// A case whose scores are final (<see cref="CaseFacts.Scores"/> set and the derived facts that read
/// scores derived). The rules that read a score, directly or through a derived fact, match this
/// fact instead of <see cref="CaseFacts"/>: it is inserted in a second round, once every score item
/// fired or was found undecided, so such a rule cannot fire on an incomplete score. It is still one
/// pattern with alpha tests only.
/// </summary>
public sealed class ScoredCase
{
    internal ScoredCase(CaseFacts facts) => Facts = facts;

    public readonly CaseFacts Facts;
}
