using System.Collections.Immutable;

namespace CtoRules.Language.References;

/// <summary>One entry of <c>references/bibliography.yaml</c> (format in references/README.md).</summary>
public sealed record Reference(
    string Key,
    int? Number,
    string Type,
    ImmutableArray<string> Authors,
    string Title,
    string Journal,
    int Year,
    string? Volume,
    string? Issue,
    string? Pages,
    string? Doi,
    string? Pmid)
{
    /// <summary>A Vancouver-style citation: up to six authors, then "et al.".</summary>
    public string Citation
    {
        get
        {
            var authors = Authors.Length > 6 ? string.Join(", ", Authors.Take(3)) + ", et al" : string.Join(", ", Authors);
            // A title that ends in '?' or '!' keeps it instead of taking a full stop.
            var title = Title.TrimEnd('.');
            var titleEnd = title.EndsWith('?') || title.EndsWith('!') ? "" : ".";
            var where = Volume is null ? $"{Year}" : $"{Year};{Volume}";
            if (Pages is not null) where += ":" + Pages;
            var text = $"{authors}. {title}{titleEnd} {Journal}. {where}.";
            if (Doi is not null) text += $" doi:{Doi}";
            return text;
        }
    }

    /// <summary>The DOI as a link, or a PubMed link, or null.</summary>
    public string? Link => Doi is not null ? "https://doi.org/" + Doi
        : Pmid is not null ? "https://pubmed.ncbi.nlm.nih.gov/" + Pmid + "/" : null;
}
