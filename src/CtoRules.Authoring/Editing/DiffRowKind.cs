namespace CtoRules.Authoring.Editing;

/// <summary>How a side-by-side row differs.</summary>
public enum DiffRowKind
{
    Same,
    Changed,
    Deleted,
    Inserted,
}
