using CtoRules.Language.Diagnostics;

namespace CtoRules.Authoring.Editing;

/// <summary>A diagnostic of the whole rule set with the rule it belongs to (when it is in a rule file), so the page can link to it.</summary>
public sealed record PlacedDiagnostic(Diagnostic Diagnostic, string? RuleId, bool InEditedFile);
