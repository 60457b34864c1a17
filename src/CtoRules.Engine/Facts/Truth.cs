namespace CtoRules.Engine.Facts;

/// <summary>Three-valued (Kleene) truth: unknown is not false.</summary>
public enum Truth : byte
{
    False,
    True,
    Unknown,
}
