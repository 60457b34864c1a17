namespace CtoRules.Audit.Chain;

/// <summary>What broke the chain at a record.</summary>
public enum ChainProblem
{
    None,
    /// <summary>The record's content no longer gives its stored hash.</summary>
    Edited,
    /// <summary>One or more records before this one are missing.</summary>
    Deleted,
    /// <summary>The record links to a record that is not the one before it.</summary>
    Reordered,
    /// <summary>Records a checkpoint vouches for are gone or changed.</summary>
    Truncated,
    /// <summary>A checkpoint's signature does not verify.</summary>
    BadCheckpoint,
}
