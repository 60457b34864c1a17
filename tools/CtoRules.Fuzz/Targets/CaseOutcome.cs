using System.Text.RegularExpressions;
using CtoRules.Cases;

namespace CtoRules.Fuzz.Targets;

/// <summary>The outcome key of a case read: "valid", or the first error's path and message shape.</summary>
public static partial class CaseOutcome
{
    public static string Of(CaseReadResult result)
    {
        if (result.IsValid)
        {
            if (result.Case is null) throw new InvalidOperationException("a valid read without a case");
            return "valid";
        }
        if (result.Errors.Count == 0) throw new InvalidOperationException("an invalid read without errors");
        foreach (var e in result.Errors)
            if (string.IsNullOrEmpty(e.Path) || string.IsNullOrWhiteSpace(e.Message))
                throw new InvalidOperationException($"an error without a path or message: '{e.Path}: {e.Message}'");
        var first = result.Errors[0];
        // Numbers and quoted values vary endlessly; the shape of the message is what is new.
        return first.Path.Split('.', '[')[0] + ": " + Shape().Replace(first.Message.Length > 60 ? first.Message[..60] : first.Message, "#");
    }

    [GeneratedRegex("'[^']*'|\\d+")]
    private static partial Regex Shape();
}
