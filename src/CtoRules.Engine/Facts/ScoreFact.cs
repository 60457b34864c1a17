using System.Globalization;
using CtoRules.Language.Conditions;

namespace CtoRules.Engine.Facts;

/// <summary>
/// A score as rules read it (<c>score(NAME) &gt;= 2</c>), inserted into the session once every
/// item is decided or known to be undecided. Its points are an interval: the decided points plus
/// what the undecided items could still add (or remove). Undecided items are never counted as 0:
/// a comparison is true only when every value in the interval makes it true.
/// </summary>
public sealed class ScoreFact(string name, bool computed, double points, double low, double high, double maxPoints,
    IReadOnlyList<(string Item, double Points)> components, IReadOnlyList<string> undecidedItems, IReadOnlyList<string> missing)
{
    public readonly string Name = name;

    /// <summary>False when the score's own <c>when</c> does not hold (a CT score without CT): then it has no value.</summary>
    public bool Computed { get; } = computed;

    /// <summary>The points of the items that hold.</summary>
    public double Points { get; } = points;

    /// <summary>The lowest and highest points the undecided items still allow.</summary>
    public double Low { get; } = low;
    public double High { get; } = high;
    public double MaxPoints { get; } = maxPoints;

    public IReadOnlyList<(string Item, double Points)> Components { get; } = components;
    public IReadOnlyList<string> UndecidedItems { get; } = undecidedItems;

    /// <summary>The unknown facts that would decide the undecided items (or make the score computable).</summary>
    public IReadOnlyList<string> Missing { get; } = missing;

    /// <summary>Three-valued comparison of the score's points with <paramref name="value"/>.</summary>
    public Truth Compare(CompareOp op, double value)
    {
        if (!Computed) return Truth.Unknown;
        bool always, never;
        switch (op)
        {
            case CompareOp.GreaterOrEqual: always = Low >= value; never = High < value; break;
            case CompareOp.Greater: always = Low > value; never = High <= value; break;
            case CompareOp.LessOrEqual: always = High <= value; never = Low > value; break;
            case CompareOp.Less: always = High < value; never = Low >= value; break;
            case CompareOp.Equal: always = Low == value && High == value; never = value < Low || value > High; break;
            default: always = value < Low || value > High; never = Low == value && High == value; break;
        }
        return always ? Truth.True : never ? Truth.False : Truth.Unknown;
    }

    /// <summary>The score as <c>because</c> shows it: its points, its items, and what is still open.</summary>
    public string Describe()
    {
        if (!Computed) return $"score {Name}: not computed";
        var range = Low == High ? Format(Points) : $"{Format(Low)}–{Format(High)}";
        var items = string.Join(", ", Components.Select(c => $"{c.Item} {(c.Points >= 0 ? "+" : "")}{Format(c.Points)}"));
        var open = UndecidedItems.Count == 0 ? "" : $"; undecided: {string.Join(", ", UndecidedItems)}";
        return $"score {Name} = {range} / {Format(MaxPoints)} ({(items.Length == 0 ? "no item holds" : items)}{open})";
    }

    private static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    public override string ToString() => Describe();
}
