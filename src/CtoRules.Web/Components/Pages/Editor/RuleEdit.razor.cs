using BlazorMonaco.Editor;
using CtoRules.Authoring.Editing;
using CtoRules.Storage.Rules;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace CtoRules.Web.Components.Pages.Editor;

/// <summary>
/// The editor page's wiring: the form and the condition editor feed <see cref="RuleForm"/>, the
/// debounced analysis is <see cref="RuleEditAnalyzer"/>, saving is <see cref="RuleStore"/>.
/// </summary>
public partial class RuleEdit
{
    // Long enough to skip the analysis between keystrokes, short enough to feel live.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    [Parameter] public string Id { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private RuleDocument? _doc;
    private RuleForm? _form;
    private StandaloneCodeEditor? _editor;
    private DotNetObjectReference<ConditionAssistBridge>? _bridge;
    private IReadOnlyList<PlacedDiagnostic> _diagnostics = [];
    private IReadOnlyList<EditorMarker> _markers = [];
    private SaveResult? _result;
    private string _comment = "";
    private bool _busy;
    private CancellationTokenSource? _pending;

    protected override void OnParametersSet()
    {
        _doc = Store.Open(Id);
        _form = _doc is null ? null : RuleForm.FromText(_doc.Text);
        if (_doc is not null) _diagnostics = RuleEditAnalyzer.Analyze(WorkingCopy.Current.RuleSet.Sources, _doc.LogicalPath, _doc.Text).Diagnostics;
    }

    private StandaloneEditorConstructionOptions EditorOptions(StandaloneCodeEditor editor) => new()
    {
        AutomaticLayout = true,
        Language = "ctorules-condition",
        Value = _form?.Condition ?? "",
        Minimap = new EditorMinimapOptions { Enabled = false },
        WordWrap = "on",
        AriaLabel = "Condition",
        FontSize = 14,
    };

    private async Task AttachAsync()
    {
        _bridge ??= DotNetObjectReference.Create(new ConditionAssistBridge(WorkingCopy));
        await JS.InvokeVoidAsync("ctoCondition.attach", "condition-editor", _bridge);
        await AnalyzeAsync();
    }

    private async Task ConditionChanged(ModelContentChangedEvent _)
    {
        if (_editor is null || _form is null) return;
        _form.Condition = await _editor.GetValue();
        Schedule();
    }

    private void Change(Action apply)
    {
        apply();
        Schedule();
    }

    // Debounce: each change cancels the analysis the previous one scheduled.
    private void Schedule()
    {
        _pending?.Cancel();
        var cts = _pending = new CancellationTokenSource();
        _ = Task.Delay(Debounce, cts.Token).ContinueWith(t =>
        {
            if (!t.IsCanceled) _ = InvokeAsync(AnalyzeAsync);
        }, TaskScheduler.Default);
    }

    private async Task AnalyzeAsync()
    {
        if (_doc is null || _form is null) return;
        var text = _form.Compose(_doc.Text);
        var analysis = RuleEditAnalyzer.Analyze(WorkingCopy.Current.RuleSet.Sources, _doc.LogicalPath, text);
        _diagnostics = analysis.Diagnostics;
        _markers = [.. analysis.ConditionMarkers.Select(m => RuleEditAnalyzer.OnEditorText(m, _form.Condition))];
        await JS.InvokeVoidAsync("ctoCondition.setMarkers", "condition-editor", _markers);
        StateHasChanged();
    }

    private async Task SaveAsync()
    {
        if (_doc is null || _form is null) return;
        _busy = true;
        try
        {
            var user = (await AuthenticationState).User;
            _result = await Store.SaveAsync(_doc, _form.Compose(_doc.Text), _comment, user);
            if (_result.Outcome == SaveOutcome.Saved)
            {
                _doc = _doc with { Text = _result.SavedText!, Hash = _result.NewHash! };
                _form = RuleForm.FromText(_doc.Text);
                _comment = "";
                await AnalyzeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RetireAsync()
    {
        if (_doc is null) return;
        var user = (await AuthenticationState).User;
        _result = await Store.RetireAsync(Id, _comment, user);
        if (_result.Outcome == SaveOutcome.Saved) Navigation.NavigateTo($"rules/{Id}/history");
    }

    public async ValueTask DisposeAsync()
    {
        _pending?.Cancel();
        _bridge?.Dispose();
        await ValueTask.CompletedTask;
    }
}
