namespace CtoRules.CdsHooks.Feedback;

/// <summary>A card the service returned: the link from a card's uuid back to its rule, pack version and audit record.</summary>
public sealed class CardRecord
{
    public string Uuid { get; set; } = "";
    public string ServiceId { get; set; } = "";
    public string HookInstance { get; set; } = "";
    public string RuleId { get; set; } = "";
    public int RuleVersion { get; set; }
    public string RuleSetId { get; set; } = "";
    public string RuleSetVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>The audit record of the call that showed the card (null when the call was not audited).</summary>
    public string? AuditRecordId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}
