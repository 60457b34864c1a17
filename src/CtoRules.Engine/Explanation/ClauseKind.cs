using System.Text.Json.Serialization;

namespace CtoRules.Engine.Explanation;

/// <summary>The kind of a clause of a condition tree.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClauseKind>))]
public enum ClauseKind
{
    [JsonStringEnumMemberName("and")] And,
    [JsonStringEnumMemberName("or")] Or,
    [JsonStringEnumMemberName("not")] Not,
    [JsonStringEnumMemberName("constant")] Constant,

    /// <summary><c>known(path)</c> or <c>known(block)</c>.</summary>
    [JsonStringEnumMemberName("known")] Known,
    [JsonStringEnumMemberName("compare")] Compare,
    [JsonStringEnumMemberName("in")] In,

    /// <summary><c>score(NAME) op value</c>; its children are the score's undecided items.</summary>
    [JsonStringEnumMemberName("score")] Score,

    /// <summary>A derived fact; its child is the condition of the rule that derives it.</summary>
    [JsonStringEnumMemberName("derived")] Derived,
}
