using System.Globalization;

namespace CtoRules.Authoring.Editing;

/// <summary>
/// The editor's form: the front-matter fields, the condition and the rationale of one rule file.
/// <see cref="Compose"/> writes it back into the opened text changing only the lines whose values
/// changed, so an untouched field keeps its exact spelling.
/// </summary>
public sealed class RuleForm
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Stage { get; set; }
    public int? Step { get; set; }
    public string? Kind { get; set; }
    public IReadOnlyCollection<string> Actions { get; set; } = [];
    public string? Text { get; set; }
    public IReadOnlyCollection<string> References { get; set; } = [];
    public IReadOnlyCollection<string> Sections { get; set; } = [];
    public string Condition { get; set; } = "";
    public string Rationale { get; set; } = "";

    /// <summary>True for advice rules (stage, kind, actions); derived facts and score items have none.</summary>
    public bool IsAdvice { get; private set; }

    public static RuleForm? FromText(string fileText)
    {
        var file = RuleFileText.Parse(fileText);
        if (file is null) return null;
        return new RuleForm
        {
            Id = file.Scalar("id") ?? "",
            Title = file.Scalar("title") ?? "",
            Stage = file.Scalar("stage"),
            Step = int.TryParse(file.Scalar("step"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) ? step : null,
            Kind = file.Scalar("kind"),
            Actions = file.List("actions"),
            Text = file.Scalar("text"),
            References = file.List("references"),
            Sections = file.List("sections"),
            Condition = file.Scalar("when") ?? "",
            Rationale = file.Body.TrimStart('\n'),
            IsAdvice = !file.Has("derives") && !file.Has("score"),
        };
    }

    /// <summary>The file text for this form, starting from <paramref name="openedText"/>.</summary>
    public string Compose(string openedText)
    {
        var file = RuleFileText.Parse(openedText) ?? throw new FormatException("the opened file has no front matter");
        file.SetString("title", Title, alwaysQuote: file.Raw("title")?.StartsWith('"') ?? true);
        if (IsAdvice)
        {
            file.SetString("stage", Stage);
            if (Step is not null) file.SetNumber("step", Step);
            file.SetString("kind", Kind);
            file.SetList("actions", Actions);
        }
        if (file.Has("text") || !string.IsNullOrEmpty(Text))
            file.SetString("text", string.IsNullOrEmpty(Text) ? null : Text, alwaysQuote: file.Raw("text")?.StartsWith('"') ?? true);
        file.SetList("references", References);
        file.SetList("sections", Sections);
        file.SetCondition(Condition);
        var body = Rationale.Replace("\r\n", "\n");
        if (body.TrimEnd() != file.Body.TrimStart('\n').TrimEnd()) file.Body = body.EndsWith('\n') ? body : body + "\n";
        return file.ToString();
    }
}
