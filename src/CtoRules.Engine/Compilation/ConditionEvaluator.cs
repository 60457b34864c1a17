using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// Three-valued (Kleene) logic over <see cref="Truth"/>: what <c>and</c>, <c>or</c> and <c>not</c>
/// give when an operand is unknown. Conditions themselves are evaluated by compiled delegates
/// (NRules' alpha tests, the pre-pass, the undecided check) and, for explanations, by
/// <see cref="Explanation.ExplanationPlan"/>.
/// </summary>
internal static class ConditionEvaluator
{
    internal static Truth And(Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False : a == Truth.True && b == Truth.True ? Truth.True : Truth.Unknown;

    internal static Truth Or(Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True : a == Truth.False && b == Truth.False ? Truth.False : Truth.Unknown;

    internal static Truth Not(Truth a) => a switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };
}
