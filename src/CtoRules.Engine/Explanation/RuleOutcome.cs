using System.Text.Json.Serialization;

namespace CtoRules.Engine.Explanation;

/// <summary>What a rule did for one case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleOutcome>))]
public enum RuleOutcome
{
    /// <summary>The condition is definitely true (a derived fact holds, advice or points are given).</summary>
    [JsonStringEnumMemberName("fired")]
    Fired,

    /// <summary>The condition is definitely false for the facts given.</summary>
    [JsonStringEnumMemberName("not-fired")]
    NotFired,

    /// <summary>Unknown facts leave the condition neither true nor false.</summary>
    [JsonStringEnumMemberName("undecided")]
    Undecided,

    /// <summary>Advice for a stage the case has already passed: not repeated, whatever its condition.</summary>
    [JsonStringEnumMemberName("out-of-scope")]
    OutOfScope,
}
