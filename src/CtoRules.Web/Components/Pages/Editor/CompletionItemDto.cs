namespace CtoRules.Web.Components.Pages.Editor;

/// <summary>A completion as the editor's JavaScript reads it (kind as a number).</summary>
public sealed record CompletionItemDto(string Label, int Kind, string Detail, string InsertText);
