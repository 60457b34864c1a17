namespace CtoRules.Language.Diagnostics;

/// <summary>A place in a source file; line and column are one-based (0 = unknown).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation InFile(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
