namespace CtoRules.Storage.Revisions;

/// <summary>What a revision did to its rule file.</summary>
public enum RevisionKind
{
    Edit = 0,
    Create = 1,
    Retire = 2,
    Restore = 3,
}
