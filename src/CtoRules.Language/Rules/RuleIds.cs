using System.Text.RegularExpressions;

namespace CtoRules.Language.Rules;

/// <summary>The identifier patterns of rule files, derived facts and reference keys.</summary>
public static partial class RuleIds
{
    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex DerivedPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    public static bool IsRuleId(string id) => id.Length <= 100 && RuleIdPattern().IsMatch(id);

    public static bool IsDerivedName(string name) => name.Length <= 64 && DerivedPattern().IsMatch(name);

    public static bool IsReferenceKey(string key) => key.Length <= 64 && KeyPattern().IsMatch(key);
}
