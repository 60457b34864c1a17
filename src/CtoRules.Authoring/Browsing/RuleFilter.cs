namespace CtoRules.Authoring.Browsing;

/// <summary>What the rule list is narrowed to; empty fields do not filter.</summary>
public sealed record RuleFilter(string? Text = null, string? Kind = null, string? Action = null, string? Reference = null, string? Score = null, string? Section = null);
