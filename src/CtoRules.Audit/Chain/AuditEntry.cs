using CtoRules.Advice;

namespace CtoRules.Audit.Chain;

/// <summary>What a caller hands to <see cref="IAuditTrail.AppendAsync"/>: who, through which channel, the case as received and the advice given.</summary>
public sealed record AuditEntry(string Caller, string Channel, string CaseJson, AdviceDocument Advice);
