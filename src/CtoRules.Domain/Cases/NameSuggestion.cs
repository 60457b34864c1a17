namespace CtoRules.Cases;

/// <summary>
/// "Did you mean" for misspelt property names and enum values. Case files are typed by hand, so a
/// near miss is far more often a typo than a new fact; naming the intended one saves a round trip.
/// </summary>
internal static class NameSuggestion
{
    private const int MaxDistance = 2;

    /// <summary>
    /// The candidate closest to <paramref name="name"/> within edit distance 2 (ignoring case), or
    /// null. Short names get a tighter bound so that any two-letter word does not "mean" <c>id</c>.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        if (name.Length > 100) return null;
        var bound = Math.Min(MaxDistance, Math.Max(1, name.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name, candidate);
            if (d <= bound && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>"; did you mean 'x'?" or the empty string.</summary>
    public static string Suffix(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } s ? $"; did you mean '{s}'?" : "";

    /// <summary>
    /// Optimal string alignment distance, case-insensitive: a swapped pair of letters
    /// (<c>lenghtMm</c>) counts as one edit, as a typist would count it.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1
                    && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2])
                    && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
