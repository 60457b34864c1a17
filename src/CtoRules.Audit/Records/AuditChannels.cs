namespace CtoRules.Audit.Records;

/// <summary>Where an evaluation came from.</summary>
public static class AuditChannels
{
    public const string Api = "api";
    public const string ApiBatch = "api-batch";
    public const string Site = "site";
    public const string CdsHooks = "cds-hooks";
    public const string Cli = "cli";
}
