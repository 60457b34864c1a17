namespace CtoRules.Authoring.Corpus;

/// <summary>One line of a case comparison and whether it differs (an unmet expectation, or advice a <c>noAdvice</c> forbids).</summary>
public sealed record ComparisonLine(string Section, string Text, bool Differs, string? Why = null);
