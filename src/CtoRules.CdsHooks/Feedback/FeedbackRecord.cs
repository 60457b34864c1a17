namespace CtoRules.CdsHooks.Feedback;

/// <summary>One outcome a CDS client reported for a card: accepted or overridden, with the reason and comment.</summary>
public sealed class FeedbackRecord
{
    public long Id { get; set; }
    public string CardUuid { get; set; } = "";
    public string ServiceId { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string? ReasonCode { get; set; }
    public string? ReasonSystem { get; set; }
    public string? ReasonDisplay { get; set; }
    public string? UserComment { get; set; }
    public DateTimeOffset OutcomeTimestamp { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
