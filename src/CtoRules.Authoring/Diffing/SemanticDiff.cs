using System.Collections.Immutable;

namespace CtoRules.Authoring.Diffing;

/// <summary>One field that differs, with its values before and after (null = absent).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A rule present on one side only.</summary>
public sealed record RuleSummary(string Id, int Version, string Path, string Role, string Title, string? Stage, string? Kind, ImmutableArray<string> Actions, string? When);

/// <summary>A rule on both sides whose fields differ.</summary>
public sealed record RuleChange(string Id, string PathBefore, string PathAfter, int VersionBefore, int VersionAfter, ImmutableArray<FieldChange> Fields);

/// <summary>A score definition or cited bibliography entry added, removed or changed.</summary>
public sealed record EntryChange(string Key, string Change, ImmutableArray<FieldChange> Fields);

/// <summary>
/// What changed in the rule set's definitions: rules added, removed and changed field by field
/// (condition, kind, actions, step, references, text, …), score definitions, the bibliography
/// entries cited on either side, and the manifest.
/// </summary>
public sealed record SemanticDiff(
    ImmutableArray<FieldChange> Manifest,
    ImmutableArray<RuleSummary> RulesAdded,
    ImmutableArray<RuleSummary> RulesRemoved,
    ImmutableArray<RuleChange> RulesChanged,
    ImmutableArray<EntryChange> Scores,
    ImmutableArray<EntryChange> References)
{
    public bool IsEmpty => Manifest.IsEmpty && RulesAdded.IsEmpty && RulesRemoved.IsEmpty && RulesChanged.IsEmpty && Scores.IsEmpty && References.IsEmpty;
}
