using CtoRules.Advice;
using CtoRules.Authoring.CorpusCases;
using CtoRules.Cases;
using CtoRules.Engine.Explanation;

namespace CtoRules.Authoring.Advising;

/// <summary>
/// The advisor page's state and decisions, so the page only renders and binds: the case form and
/// its check, the chosen rule set, the advice, the why / why-not of one rule, loading a pasted or
/// uploaded case, and capturing the advice as a corpus case. Any change to the case or the rule
/// set drops the advice and the explanation, which would no longer be about what is shown.
/// </summary>
public sealed class AdvisorSession
{
    private readonly RuleSources _sources;

    public AdvisorSession(RuleSources sources)
    {
        _sources = sources;
        Sources = sources.List();
        Form["procedure.stage"] = "planning";
        Check = Form.Check();
    }

    public IReadOnlyList<RuleSource> Sources { get; }

    public CaseForm Form { get; private set; } = new();

    public CaseFormCheck Check { get; private set; }

    public string Source { get; private set; } = RuleSource.WorkingCopyKey;

    public AdviceReport? Report { get; private set; }

    public string? LoadMessage { get; private set; }

    public string? RuleId { get; set; }

    public RuleExplanation? Explanation { get; private set; }

    public string? ExplainError { get; private set; }

    /// <summary>The entered case as a data: URL, for the download link.</summary>
    public string DownloadHref => "data:application/json;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Form.ToJsonText()));

    public void Changed()
    {
        Check = Form.Check();
        Report = null;
        Explanation = null;
    }

    public void SelectSource(string key)
    {
        Source = key;
        Changed();
    }

    /// <summary>
    /// Checks the case and evaluates it with the chosen rule set. The host passes how to evaluate
    /// (the site's evaluation also writes an audit record); it gets the source key, the case and the
    /// case's JSON, and answers null when the source cannot be used. Without one, the source's
    /// advisor evaluates directly.
    /// </summary>
    public async Task EvaluateAsync(Func<string, Case, string, Task<AdviceDocument?>>? evaluate = null)
    {
        Check = Form.Check();
        if (!Check.IsValid) return;
        evaluate ??= (key, @case, _) => Task.FromResult(_sources.Resolve(key)?.Evaluate(@case));
        if (await evaluate(Source, Check.Case!, Form.ToJsonText()) is not { } advice)
        {
            LoadMessage = $"The rule set '{Source}' cannot be used.";
            return;
        }
        Report = new AdviceReport(advice);
    }

    public void Explain(string? ruleId)
    {
        ExplainError = null;
        Explanation = null;
        RuleId = ruleId;
        Check = Form.Check();
        if (string.IsNullOrWhiteSpace(ruleId)) { ExplainError = "Give a rule id."; return; }
        if (!Check.IsValid) { ExplainError = "Fix the case's errors first."; return; }
        if (_sources.Resolve(Source) is not { } advisor) { ExplainError = $"The rule set '{Source}' cannot be used."; return; }
        try
        {
            Explanation = advisor.Explain(Check.Case!, ruleId.Trim());
        }
        catch (ArgumentException e)
        {
            ExplainError = e.Message;
        }
    }

    /// <summary>Replaces the form with a pasted or uploaded case (JSON or YAML); says what was wrong with it as given.</summary>
    public void Load(string text)
    {
        var (form, check) = CaseForm.Load(text);
        Form = form;
        Check = form.Check();
        LoadMessage = check.IsValid ? null : "The case as given has errors: " + string.Join("; ", check.Errors.Select(e => $"{e.Path}: {e.Message}"));
        Report = null;
        Explanation = null;
    }

    public void CannotRead(string reason) => LoadMessage = $"The file cannot be read: {reason}";

    /// <summary>The current advice captured as a new corpus case, for the expert to trim; null before an evaluation.</summary>
    public CorpusCaseForm? CaptureCorpusCase() => Report is null ? null : CorpusCaseForm.Capture(Form, Report.Advice);
}
