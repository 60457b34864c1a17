namespace CtoRules.Language.Rules;

/// <summary>
/// One source of a rule set. <see cref="Path"/> is logical and portable
/// (<c>rules/crossing/x.md</c>, <c>references/bibliography.yaml</c>); <see cref="DisplayPath"/>
/// is what diagnostics print (the path as the user named it).
/// </summary>
public sealed record SourceFile(string Path, string Text, string? DisplayPath = null)
{
    public string Display => DisplayPath ?? Path;
}
