namespace CtoRules.Storage.Rules;

/// <summary>A rule file as an editor opens it: its text and the hash a later save is checked against.</summary>
public sealed record RuleDocument(string RuleId, string LogicalPath, string Text, string Hash);
