namespace CtoRules.Packs.HealthChecks;

/// <summary>Options of <see cref="PackHealthCheck"/>.</summary>
public sealed record PackHealthOptions
{
    /// <summary>Report degraded when the pack in force was published longer ago than this; null never does.</summary>
    public TimeSpan? MaxAge { get; init; }
}
