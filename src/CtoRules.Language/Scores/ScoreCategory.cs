namespace CtoRules.Language.Scores;

/// <summary>A category of a score: points in [Min, Max] (Max null = no upper limit).</summary>
public sealed record ScoreCategory(double Min, double? Max, string Label, string? Note)
{
    public bool Contains(double points) => points >= Min && (Max is null || points <= Max);
}
