namespace CtoRules.Authoring.Editing;

/// <summary>One completion offered in the condition editor.</summary>
public sealed record CompletionItem(string Label, CompletionKind Kind, string Detail, string InsertText);
