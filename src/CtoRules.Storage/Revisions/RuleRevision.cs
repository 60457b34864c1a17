namespace CtoRules.Storage.Revisions;

/// <summary>One saved change of a rule file: who, when, why, and the full text before and after.</summary>
public class RuleRevision
{
    public long Id { get; set; }

    public required string RuleId { get; set; }

    /// <summary>The file, relative to the rules folder, with '/' separators.</summary>
    public required string Path { get; set; }

    public required string Author { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public required string Comment { get; set; }

    public RevisionKind Kind { get; set; }

    /// <summary>Empty for a new rule.</summary>
    public string TextBefore { get; set; } = "";

    /// <summary>Empty for a retired rule.</summary>
    public string TextAfter { get; set; } = "";
}
