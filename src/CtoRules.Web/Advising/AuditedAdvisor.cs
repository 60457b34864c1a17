using System.Security.Claims;
using CtoRules.Advice;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Records;
using CtoRules.Authoring.Advising;
using CtoRules.Cases;

namespace CtoRules.Web.Advising;

/// <summary>
/// The site advisor's evaluation: the chosen rule set evaluates the case and the audit trail
/// gets one record (channel <c>site</c>, the signed-in user as caller), as every other
/// evaluating channel does. A working-copy evaluation is recorded too; its record carries no
/// pack digest, so replay says it has no published pack to replay on.
/// </summary>
public sealed class AuditedAdvisor(RuleSources sources, IAuditTrail audit)
{
    /// <summary>The advice, or null when the rule set <paramref name="sourceKey"/> cannot be used.</summary>
    public async Task<AuditedAdvice?> EvaluateAsync(ClaimsPrincipal user, string sourceKey, Case @case, string caseJson, CancellationToken cancel = default)
    {
        if (sources.Resolve(sourceKey) is not { } advisor) return null;
        var advice = advisor.Evaluate(@case);
        var caller = user.Identity?.Name ?? throw new InvalidOperationException("the advisor is for signed-in users only");
        var record = await audit.AppendAsync(new AuditEntry(caller, AuditChannels.Site, caseJson, advice), cancel);
        return new AuditedAdvice(advice, record.Id);
    }
}

/// <summary>Advice and the id of the audit record that keeps it.</summary>
public sealed record AuditedAdvice(AdviceDocument Advice, long AuditRecordId);
