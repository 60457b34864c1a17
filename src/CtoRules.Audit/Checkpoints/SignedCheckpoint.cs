using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CtoRules.Audit.Chain;
using CtoRules.Packs.Canonical;

namespace CtoRules.Audit.Checkpoints;

/// <summary>
/// An exported checkpoint (<c>ctorules/audit-checkpoint@1</c>): the chain's head record and hash
/// at a time, signed (ECDSA P-256 over the SHA-256 of <see cref="SignedDigest"/>'s canonical
/// payload) with the host key, whose public key is included so the file verifies on its own; pin
/// the key id to know it was this host.
/// </summary>
public sealed record SignedCheckpoint(long RecordId, string HeadHash, DateTime CreatedAt, string KeyId, string PublicKey, string Signature)
{
    public const string SchemaId = "ctorules/audit-checkpoint@1";

    [JsonPropertyOrder(-1)]
    public string Schema { get; init; } = SchemaId;

    /// <summary>The digest that is signed: the canonical JSON of schema, record id, head hash and time.</summary>
    public static string SignedDigest(long recordId, string headHash, DateTime createdAt) => CanonicalJson.Digest(new JsonObject
    {
        ["schema"] = SchemaId,
        ["recordId"] = recordId,
        ["headHash"] = headHash,
        ["createdAt"] = AuditHash.FormatTime(createdAt),
    });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public static SignedCheckpoint FromJson(string json)
    {
        SignedCheckpoint? c;
        try { c = JsonSerializer.Deserialize<SignedCheckpoint>(json, Json); }
        catch (JsonException e) { throw new FormatException("not a checkpoint file: " + e.Message, e); }
        if (c is null || c.Schema != SchemaId) throw new FormatException($"not a {SchemaId} file");
        return c;
    }
}
