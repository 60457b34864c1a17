using System.Collections.Immutable;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Editing;

/// <summary>
/// What the editor shows for an edited text: markers in the condition, and every diagnostic of the
/// rule set with the edit applied (a change can break another rule). <see cref="RuleSet"/> is null
/// when the edited set has errors.
/// </summary>
public sealed record RuleEditAnalysis(ImmutableArray<EditorMarker> ConditionMarkers, ImmutableArray<PlacedDiagnostic> Diagnostics, RuleSet? RuleSet)
{
    public bool HasErrors => Diagnostics.Any(d => d.Diagnostic.IsError);
}
