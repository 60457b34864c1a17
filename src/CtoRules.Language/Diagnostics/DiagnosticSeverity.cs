namespace CtoRules.Language.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
