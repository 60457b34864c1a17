using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>Small case documents for tests: a valid header plus whatever a test puts in the body.</summary>
internal static class CaseText
{
    public const string Planning = "\"procedure\":{\"stage\":\"planning\"}";

    /// <summary>A JSON case with a valid schema and id and the given properties after them.</summary>
    public static string Json(string body) =>
        "{\"schema\":\"ctorules/case@1\",\"id\":\"t-1\"" + (body.Length > 0 ? "," + body : "") + "}";

    public static CaseReadResult Read(string body) => CaseReader.ReadJson(Json(body));

    /// <summary>Reads a planning case with one extra block, e.g. <c>"lesion":{"lengthMm":400}</c>.</summary>
    public static CaseReadResult ReadWith(string block) => Read(block + "," + Planning);
}
