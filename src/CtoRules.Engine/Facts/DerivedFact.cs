namespace CtoRules.Engine.Facts;

/// <summary>
/// A fact derived by a rule, inserted into the session so that other rules chain on it. It is
/// always inserted, true, false or unknown, so that dependent rules can tell "false" from "not
/// decided". <see cref="Because"/> carries its own explanation for the chain in advice.
/// </summary>
public sealed class DerivedFact(string name, Truth value, string ruleId, IReadOnlyList<string> because, IReadOnlyList<string> missing)
{
    public readonly string Name = name;
    public readonly Truth Value = value;
    public string RuleId { get; } = ruleId;

    /// <summary>When true: the facts that made it hold; when false: why it does not.</summary>
    public IReadOnlyList<string> Because { get; } = because;

    /// <summary>When unknown: the case facts whose absence left it undecided.</summary>
    public IReadOnlyList<string> Missing { get; } = missing;

    public override string ToString() => $"{Name} = {Value.ToString().ToLowerInvariant()}";
}
