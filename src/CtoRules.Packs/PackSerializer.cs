using System.Text.Json.Nodes;
using CtoRules.Packs.Canonical;

namespace CtoRules.Packs;

/// <summary>
/// The text of a pack file: the content, its <c>digest</c> and, when signed, its <c>signature</c>,
/// with keys in canonical order, laid out for people (two-space indent, LF). The layout is not
/// part of what is verified: a reader recomputes the canonical form.
/// </summary>
public static class PackSerializer
{
    public static string ToFileText(PackContent content, string digest, PackSignature? signature)
    {
        var json = content.ToJson();
        json["digest"] = digest;
        if (signature is not null)
            json["signature"] = new JsonObject { ["algorithm"] = signature.Algorithm, ["keyId"] = signature.KeyId, ["value"] = signature.Value };
        return CanonicalJson.ToText(json, indented: true);
    }

    /// <summary>The content of a parsed pack file: every field but <c>digest</c> and <c>signature</c>.</summary>
    public static JsonObject ContentOf(JsonObject pack)
    {
        var copy = (JsonObject)pack.DeepClone();
        copy.Remove("digest");
        copy.Remove("signature");
        return copy;
    }
}
