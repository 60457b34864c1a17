using CtoRules.Engine.Explanation;

namespace CtoRules.Engine.Facts;

/// <summary>
/// A fact derived by a rule, true, false or unknown, so that rules reading it can tell "false"
/// from "not decided". <see cref="Because"/> carries its own explanation for the chain in advice.
/// </summary>
/// <remarks>
/// The engine's pre-pass computes only the value; the explanation is built the first time it is
/// read (most derived facts are never named in a <c>because</c>) and then kept, so each derived
/// fact of a case is explained at most once. It reads only the case's values and the derived facts
/// before it, which do not change afterwards, so it is the same whenever it is built.
/// </remarks>
public sealed class DerivedFact
{
    private readonly CaseFacts? _case;
    private readonly ExplanationPlan? _condition;
    private IReadOnlyList<string>? _because;
    private IReadOnlyList<string>? _missing;

    public DerivedFact(string name, Truth value, string ruleId, IReadOnlyList<string> because, IReadOnlyList<string> missing)
    {
        Name = name;
        Value = value;
        RuleId = ruleId;
        _because = because;
        _missing = missing;
    }

    internal DerivedFact(string name, Truth value, string ruleId, CaseFacts c, ExplanationPlan condition)
    {
        Name = name;
        Value = value;
        RuleId = ruleId;
        _case = c;
        _condition = condition;
    }

    public readonly string Name;
    public readonly Truth Value;
    public string RuleId { get; }

    /// <summary>When true: the facts that made it hold; when false: why it does not.</summary>
    public IReadOnlyList<string> Because => _because ??= Explain();

    /// <summary>When unknown: the case facts whose absence left it undecided.</summary>
    public IReadOnlyList<string> Missing => _missing ??= FindMissing();

    /// <summary>"name = true (derived by rule … from …)", as a <c>because</c> that names this fact shows it; built once.</summary>
    internal string Chain => _chain ??= $"{Name} = {(Value == Truth.True ? "true" : "false")} (derived by rule {RuleId}{(Because.Count == 0 ? "" : " from " + string.Join(", ", Because))})";

    private string? _chain;

    private List<string> Explain()
    {
        var because = new List<string>(2);
        if (Value != Truth.Unknown) _condition!.Explain(_case!, Value == Truth.True, because);
        return because;
    }

    private List<string> FindMissing()
    {
        var missing = new List<string>(Value == Truth.Unknown ? 2 : 0);
        if (Value == Truth.Unknown) _condition!.Missing(_case!, missing);
        return missing;
    }

    public override string ToString() => $"{Name} = {Value.ToString().ToLowerInvariant()}";
}
