using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Conditions;

/// <summary>Turns condition errors (code, message, offset) into located diagnostics.</summary>
public static class ConditionDiagnostics
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode =
        DiagnosticDescriptors.All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public static Diagnostic Create(ConditionError error, SourceLocation at) =>
        new(ByCode.TryGetValue(error.Code, out var d) ? d : DiagnosticDescriptors.SyntaxError, at, error.Message);
}
