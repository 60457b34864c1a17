using CtoRules.Authoring.Versioning;

namespace CtoRules.Authoring.Diffing;

/// <summary>
/// What can be compared: the working copy and every published pack of its rule set, newest first.
/// A choice is "working" or a pack's version.
/// </summary>
public static class DiffSources
{
    public const string WorkingCopy = "working";

    public static IReadOnlyList<string> Choices(string packsDirectory, string ruleSetId) =>
        [WorkingCopy, .. PackCatalog.List(packsDirectory, ruleSetId).Reverse().Select(p => p.Version.ToString())];

    /// <summary>The side a choice names; throws <see cref="RuleSetSideException"/> when it does not load.</summary>
    public static RuleSetSide Load(string choice, string rulesDirectory, string packsDirectory, string ruleSetId)
    {
        if (choice == WorkingCopy) return RuleSetSide.Load(rulesDirectory);
        var pack = PackCatalog.List(packsDirectory, ruleSetId).FirstOrDefault(p => p.Version.ToString() == choice)
            ?? throw new ArgumentException($"there is no pack {ruleSetId} {choice}", nameof(choice));
        return RuleSetSide.Load(pack.Path);
    }
}
