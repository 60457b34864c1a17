namespace CtoRules.Packs.Updating;

/// <summary>
/// A pack a <see cref="PackSource"/> offers, as the source describes it. Nothing here is trusted:
/// the pack is verified when it is loaded, and its manifest must agree with this listing.
/// </summary>
/// <param name="RuleSetId">The rule set's id, or null when the source does not say.</param>
/// <param name="Version">The rule set's semantic version, or null when it could not be read.</param>
/// <param name="Location">Where the pack is: a file path, or the URL it is downloaded from.</param>
/// <param name="Stamp">What changes when the pack at <paramref name="Location"/> changes (size and time, or digest); a refused pack is tried again only when it changes.</param>
public sealed record PackListing(string? RuleSetId, string? Version, string Location, string Stamp)
{
    /// <inheritdoc/>
    public override string ToString() => $"{RuleSetId ?? "?"} {Version ?? "?"} ({Location})";
}
