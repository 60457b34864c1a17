namespace CtoRules.Authoring.CorpusCases;

/// <summary>
/// One advice expectation as the form edits it: the acceptable kinds (comma-separated, e.g.
/// <c>consider, caution</c>; empty means any kind) and one action code.
/// </summary>
public sealed class ExpectedAdvice
{
    public string Kinds { get; set; } = "";

    public string Action { get; set; } = "";
}
