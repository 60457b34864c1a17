namespace CtoRules.Language.References;

/// <summary>
/// A section, table or figure of the review (<c>references/review-sections.yaml</c>): what the
/// traceability matrix maps to rules and corpus cases.
/// </summary>
public sealed record ReviewSection(string Id, string Title, string Kind, bool HasRecommendations);
