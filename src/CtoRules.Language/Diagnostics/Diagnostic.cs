namespace CtoRules.Language.Diagnostics;

/// <summary>One problem found in a rule set, printed as <c>file(line,col): error CTO2003: message</c>.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, string Message)
{
    public string Code => Descriptor.Code;
    public DiagnosticSeverity Severity => Descriptor.Severity;
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
