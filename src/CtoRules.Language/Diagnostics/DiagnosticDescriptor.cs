namespace CtoRules.Language.Diagnostics;

/// <summary>A stable diagnostic: code, severity, title and a message format (Roslyn's model).</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    public Diagnostic Create(SourceLocation location, params object?[] args) =>
        new(this, location, args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args));
}
