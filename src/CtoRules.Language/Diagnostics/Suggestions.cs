namespace CtoRules.Language.Diagnostics;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggestions
{
    /// <summary>"; did you mean 'x'?" for the closest candidate within distance 3, else "".</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var best = Closest(input, candidates);
        return best is null ? "" : $"; did you mean '{best}'?";
    }

    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToList();
        // A truncated name ("ivus.calciumDistrib") is best completed, whatever its edit distance.
        if (input.Length >= 4)
        {
            var completion = list.Where(c => c.StartsWith(input, StringComparison.OrdinalIgnoreCase) && c.Length > input.Length)
                .OrderBy(c => c.Length).FirstOrDefault();
            if (completion is not null) return completion;
        }
        candidates = list;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(input.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        var limit = Math.Max(2, Math.Min(3, input.Length / 3));
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
