namespace CtoRules.Authoring.Editing;

/// <summary>What a completion inserts; the page maps it to Monaco's icon.</summary>
public enum CompletionKind
{
    Block,
    Path,
    EnumValue,
    DerivedFact,
    Score,
    Keyword,
}
