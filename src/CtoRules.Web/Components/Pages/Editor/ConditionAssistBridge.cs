using CtoRules.Authoring.Editing;
using CtoRules.Authoring.Workspace;
using Microsoft.JSInterop;

namespace CtoRules.Web.Components.Pages.Editor;

/// <summary>What the editor's JavaScript calls for completion and hover; the answers come from <see cref="ConditionAssist"/>.</summary>
public sealed class ConditionAssistBridge(WorkingCopy workingCopy)
{
    [JSInvokable]
    public IReadOnlyList<CompletionItemDto> Complete(string text, int offset) =>
        [.. new ConditionAssist(workingCopy.Current.RuleSet).Complete(text, offset)
            .Select(i => new CompletionItemDto(i.Label, (int)i.Kind, i.Detail, i.InsertText))];

    [JSInvokable]
    public string? Hover(string text, int offset) => new ConditionAssist(workingCopy.Current.RuleSet).Hover(text, offset);
}
