namespace CtoRules.Authoring.Algorithm;

/// <summary>How a case meets a box: one of its rules fired, one waits for unknown facts, or none was reached.</summary>
public enum BoxState
{
    NotReached,
    Undecided,
    Fired,
}
