using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using CtoRules.Advice;

namespace CtoRules.Web.Apis.V1;

/// <summary>
/// The JSON Schemas the API serves: <c>case@1</c> is the contract's schema (a copy of
/// shared/contract/case.schema.json, embedded; a test keeps the two equal); <c>advice@1</c> is
/// generated from the advice types with the serializer settings the API writes with.
/// </summary>
public static class ApiSchemas
{
    public static IReadOnlyList<string> Names { get; } = ["case@1", "advice@1"];

    private static readonly Lazy<string> Case = new(() =>
    {
        using var stream = typeof(ApiSchemas).Assembly.GetManifestResourceStream("CtoRules.Web.Schemas.case.schema.json")!;
        return new StreamReader(stream).ReadToEnd();
    });

    private static readonly Lazy<string> Advice = new(() =>
    {
        var schema = AdviceJson.Compact.GetJsonSchemaAsNode(typeof(AdviceDocument));
        if (schema is JsonObject o)
        {
            o.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
            o.Insert(1, "$id", "ctorules/advice@1");
            o.Insert(2, "title", "CtoRules advice");
        }
        return schema.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    });

    public static string? Find(string name) => name.Replace("ctorules/", "") switch
    {
        "case@1" or "case" => Case.Value,
        "advice@1" or "advice" => Advice.Value,
        _ => null,
    };
}
