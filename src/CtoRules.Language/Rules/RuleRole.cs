namespace CtoRules.Language.Rules;

/// <summary>What a rule produces when it fires.</summary>
public enum RuleRole
{
    /// <summary>An advice item (kind, actions, text) for a stage.</summary>
    Advice,

    /// <summary>A derived fact other rules can use.</summary>
    Derived,

    /// <summary>A score component: points for one item of a score.</summary>
    ScoreItem,
}
