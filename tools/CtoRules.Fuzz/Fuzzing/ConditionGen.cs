using System.Globalization;
using CsCheck;
using CtoRules.Cases;

namespace CtoRules.Fuzz.Fuzzing;

/// <summary>
/// CsCheck generators of condition-language text (grammar in docs/rule-format.md): well-formed
/// conditions over the case@1 paths and a few derived-fact and score names, nested up to a bound
/// below the parser's limit. Shared by the condition fuzz target and the property tests.
/// </summary>
public static class ConditionGen
{
    private static readonly string[] Paths = [.. CaseSchema.Fields.Select(f => f.Path), "heavyCalcification", "longLesion", "x", "lesion.nope"];

    private static readonly string[] Words = ["severe", "moderate", "none", "LAD", "planning", "crossing", "intraplaque", "yes", "FOO"];

    private static readonly string[] Ops = ["==", "!=", "<", "<=", ">", ">="];

    private static readonly string[] Scores = ["J-CTO", "CL", "PROGRESS-CTO", "NOPE"];

    public static Gen<string> Number { get; } = Gen.OneOf(
        Gen.Int[-5, 400].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Int[0, 3000].Select(i => (i / 10.0).ToString("0.0", CultureInfo.InvariantCulture)));

    public static Gen<string> Literal { get; } = Gen.OneOf(Number, Gen.OneOf<string>(Words), Gen.OneOf<string>("true", "false"));

    public static Gen<string> Atom { get; } = Gen.OneOf(
        Gen.OneOf<string>(Paths),
        Gen.Select(Gen.OneOf<string>(Paths), Gen.OneOf<string>(Ops), Literal, (p, o, l) => $"{p} {o} {l}"),
        Gen.Select(Gen.OneOf<string>(Paths), Gen.Bool, Literal.Array[1, 4], (p, not, ls) => $"{p} {(not ? "not in" : "in")} [{string.Join(", ", ls)}]"),
        Gen.OneOf<string>(Paths).Select(p => $"known({p})"),
        Gen.Select(Gen.OneOf<string>(Scores), Gen.OneOf<string>(Ops), Number, (s, o, n) => $"score({s}) {o} {n}"),
        Gen.OneOf<string>("true", "false"));

    /// <summary>A well-formed condition nested at most about <paramref name="depth"/> levels.</summary>
    public static Gen<string> Condition(int depth = 6) => depth <= 0 ? Atom : Gen.Frequency(
        (3, Atom),
        (1, Gen.Int[0, 2].SelectMany(n => Condition(depth - 1).Select(c => string.Concat(Enumerable.Repeat("not ", n + 1)) + c))),
        (2, Gen.Select(Condition(depth - 1), Condition(depth - 1), (l, r) => $"{l} and {r}")),
        (2, Gen.Select(Condition(depth - 1), Condition(depth - 1), (l, r) => $"{l} or {r}")),
        (2, Condition(depth - 1).Select(c => $"({c})")));
}
