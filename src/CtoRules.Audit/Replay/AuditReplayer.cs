using System.Text.Json.Nodes;
using CtoRules.Advice;
using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using CtoRules.Cases;
using CtoRules.Packs;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Replay;

/// <summary>
/// Re-evaluates a stored case: on the pack it was evaluated with (found by digest), or on the
/// newest pack ("what would the newest pack say"), and compares with the stored advice. The
/// evaluation time is the one field that is expected to differ and is left out of the comparison.
/// </summary>
public sealed class AuditReplayer(AuditStore store, PackLibrary packs)
{
    public async Task<AuditRecord?> FindAsync(long id, CancellationToken cancel = default)
    {
        await using var db = store.CreateContext();
        return await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancel);
    }

    /// <summary>On the stored pack, by digest.</summary>
    public ReplayResult ReplayOnStoredPack(AuditRecord record)
    {
        if (record.PackDigest is null)
            return ReplayResult.Failed(record.Id, $"record {record.Id} was evaluated on an unpublished working copy ({record.PackVersion}); there is no pack to replay it on");
        var pack = packs.ByDigest(record.PackDigest);
        return pack is null
            ? ReplayResult.Failed(record.Id, $"no published pack has digest {record.PackDigest} ({record.PackId} {record.PackVersion}): it was evaluated on a working copy never published as it was, or its pack was removed from the packs folder")
            : ReplayOn(record, pack);
    }

    /// <summary>On the newest published pack.</summary>
    public ReplayResult ReplayOnNewestPack(AuditRecord record)
    {
        var pack = packs.Newest();
        return pack is null ? ReplayResult.Failed(record.Id, "there is no published pack") : ReplayOn(record, pack);
    }

    /// <summary>The why / why-not tree of one rule for the stored case, on the stored pack; null with the reason when it cannot be made.</summary>
    public (CtoRules.Engine.Explanation.RuleExplanation? Explanation, string? Error) ExplainOnStoredPack(AuditRecord record, string ruleId)
    {
        var pack = record.PackDigest is null ? null : packs.ByDigest(record.PackDigest);
        if (pack is null) return (null, $"the pack of record {record.Id} ({record.PackVersion}) is not among the published packs");
        if (pack.RuleSet.Find(ruleId) is null) return (null, $"pack {pack.Manifest.Version} has no rule '{ruleId}'");
        var read = CaseReader.ReadJson(record.CaseJson);
        return read.IsValid ? (pack.Advisor.Explain(read.Case!, ruleId), null) : (null, "the stored case no longer reads as case@1");
    }

    /// <summary>The stored advice as advice@1.</summary>
    public static AdviceDocument? AdviceOf(AuditRecord record) => AdviceJson.Deserialize(record.AdviceJson);

    public static ReplayResult ReplayOn(AuditRecord record, RulePack pack)
    {
        var read = CaseReader.ReadJson(record.CaseJson);
        if (!read.IsValid)
            return ReplayResult.Failed(record.Id, "the stored case no longer reads as case@1: " + string.Join("; ", read.Errors.Select(e => e.ToString())));
        var advice = pack.Evaluate(read.Case!);
        var before = WithoutTime(JsonNode.Parse(record.AdviceJson));
        var after = WithoutTime(JsonNode.Parse(AdviceJson.Serialize(advice, indented: false)));
        return new ReplayResult(record.Id, pack.Manifest.Version, pack.Digest, JsonDiff.Compare(before, after));
    }

    private static JsonNode? WithoutTime(JsonNode? advice)
    {
        if (advice is JsonObject o) o.Remove("evaluatedAt");
        return advice;
    }
}
