using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;

namespace CtoRules.Engine.Explanation;

/// <summary>
/// One clause of a rule's condition, evaluated for one case in three-valued logic: its text, its
/// truth value, the facts that decided it, and its operands. A derived fact has one child, the
/// condition of the rule that derives it, so the whole chain can be drawn.
/// </summary>
public sealed record ClauseExplanation(
    ClauseKind Kind,
    string Text,
    Truth Value,
    ImmutableArray<ClauseFact> Facts,
    ImmutableArray<ClauseExplanation> Children)
{
    /// <summary>Derived facts: the rule that derives it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DerivedBy { get; init; }

    /// <summary>
    /// Where the clause is in the <c>when</c> text of the rule it belongs to (<see cref="RuleId"/>:
    /// the explained rule, or the derived-fact rule for clauses under a derived fact).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextRange? Span { get; init; }

    /// <summary>The rule whose <c>when</c> text <see cref="Span"/> is in.</summary>
    public required string RuleId { get; init; }

    /// <summary>True when this clause is one of those that stopped the rule (false, or unknown when undecided).</summary>
    public bool Blocking { get; init; }
}
