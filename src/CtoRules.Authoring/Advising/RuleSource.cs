namespace CtoRules.Authoring.Advising;

/// <summary>
/// A rule set the advisor can evaluate with: the working copy (key <see cref="WorkingCopyKey"/>) or
/// a published pack (key: its file name). <see cref="Problem"/> says why a pack cannot be used
/// (digest or signature not verified); such a source is listed but not selectable.
/// </summary>
public sealed record RuleSource(string Key, string Label, string? Problem)
{
    public const string WorkingCopyKey = "working-copy";

    public bool IsUsable => Problem is null;
}
