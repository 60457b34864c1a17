namespace CtoRules.Cases;

/// <summary>The type of one fact of a case, as <c>case.schema.json</c> defines it.</summary>
public enum FactType
{
    Boolean,
    Integer,
    Number,
    Enum,
}
