namespace CtoRules.Authoring.CorpusCases;

/// <summary>One exact score expectation as the form edits it: the score's name and its points as typed.</summary>
public sealed class ExpectedScore
{
    public string Score { get; set; } = "";

    public string Points { get; set; } = "";
}
