using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.References;

namespace CtoRules.Language.Tests;

public class ReferenceTests
{
    private static Reference Ref(int authors, string title = "A study of things", string? volume = "19", string? pages = "e113-e122",
        string? doi = "10.4244/EIJ-D-22-01096", string? pmid = null) =>
        new("key-2023", null, "article-journal",
            [.. Enumerable.Range(1, authors).Select(i => $"Author{i} A")],
            title, "EuroIntervention", 2023, volume, "2", pages, doi, pmid);

    [Fact]
    public void Up_to_six_authors_are_all_listed() =>
        Ref(6).Citation.Should().Be(
            "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A. A study of things. EuroIntervention. 2023;19:e113-e122. doi:10.4244/EIJ-D-22-01096");

    [Fact]
    public void More_than_six_authors_are_the_first_three_and_et_al() =>
        Ref(7).Citation.Should().Be(
            "Author1 A, Author2 A, Author3 A, et al. A study of things. EuroIntervention. 2023;19:e113-e122. doi:10.4244/EIJ-D-22-01096");

    [Fact]
    public void One_author() =>
        Ref(1).Citation.Should().StartWith("Author1 A. A study of things. ");

    [Theory]
    [InlineData("Is calcium a problem?", "Is calcium a problem? EuroIntervention.")]
    [InlineData("Calcium matters!", "Calcium matters! EuroIntervention.")]
    [InlineData("A title with its own full stop.", "A title with its own full stop. EuroIntervention.")]
    [InlineData("A title", "A title. EuroIntervention.")]
    public void A_title_ends_with_one_mark(string title, string expected) =>
        Ref(2, title).Citation.Should().Contain(". " + expected).And.NotContain("?.").And.NotContain("!.").And.NotContain("..");

    [Fact]
    public void Volume_and_pages_are_optional()
    {
        Ref(1, volume: null, pages: null, doi: null).Citation.Should().Be("Author1 A. A study of things. EuroIntervention. 2023.");
        Ref(1, pages: null, doi: null).Citation.Should().Be("Author1 A. A study of things. EuroIntervention. 2023;19.");
        Ref(1, volume: null, doi: null).Citation.Should().Be("Author1 A. A study of things. EuroIntervention. 2023:e113-e122.");
    }

    [Fact]
    public void The_link_is_the_DOI_then_PubMed_then_none()
    {
        Ref(1).Link.Should().Be("https://doi.org/10.4244/EIJ-D-22-01096");
        Ref(1, pmid: "12345678").Link.Should().Be("https://doi.org/10.4244/EIJ-D-22-01096");
        Ref(1, doi: null, pmid: "12345678").Link.Should().Be("https://pubmed.ncbi.nlm.nih.gov/12345678/");
        Ref(1, doi: null).Link.Should().BeNull();
        Ref(1, doi: null).Citation.Should().NotContain("doi:");
    }

    [Fact]
    public void The_bibliography_reader_builds_references_with_their_citation()
    {
        var diagnostics = new List<Diagnostic>();
        var bibliography = BibliographyReader.Read(RuleSets.Lines(
            "- key: eurocto-2023",
            "  type: article-journal",
            "  authors: [Mashayekhi K, Pyxaras SA, Werner GS, Galassi AR, Garbo R, Boudou N, Leibundgut G]",
            "  title: \"Contemporary issues of PCI in heavily calcified CTOs: an expert review\"",
            "  journal: EuroIntervention",
            "  year: 2023",
            "  volume: '19'",
            "  issue: '2'",
            "  pages: e113-e122",
            "  doi: 10.4244/EIJ-D-22-01096",
            "- key: morino-2011",
            "  number: 7",
            "  type: article-journal",
            "  authors: [Morino Y, Abe M]",
            "  title: Predicting successful guidewire crossing?",
            "  journal: JACC Cardiovasc Interv",
            "  year: 2011",
            "  pmid: '21352795'"), "references/bibliography.yaml", diagnostics);

        diagnostics.Should().BeEmpty();
        bibliography.Keys.Should().BeEquivalentTo("eurocto-2023", "morino-2011");
        var eurocto = bibliography["eurocto-2023"];
        eurocto.Authors.Should().HaveCount(7);
        eurocto.Issue.Should().Be("2");
        eurocto.Citation.Should().Be(
            "Mashayekhi K, Pyxaras SA, Werner GS, et al. Contemporary issues of PCI in heavily calcified CTOs: an expert review. EuroIntervention. 2023;19:e113-e122. doi:10.4244/EIJ-D-22-01096");
        var morino = bibliography["morino-2011"];
        morino.Number.Should().Be(7);
        morino.Citation.Should().Be("Morino Y, Abe M. Predicting successful guidewire crossing? JACC Cardiovasc Interv. 2011.");
        morino.Link.Should().Be("https://pubmed.ncbi.nlm.nih.gov/21352795/");
    }

    [Fact]
    public void The_bibliography_reader_reports_an_invalid_key_and_skips_the_entry()
    {
        var diagnostics = new List<Diagnostic>();
        var bibliography = BibliographyReader.Read(RuleSets.Lines(
            "- key: Morino_2011",
            "  type: article-journal",
            "  authors: [Morino Y]",
            "  title: T",
            "  journal: J",
            "  year: 2011"), "references/bibliography.yaml", diagnostics);
        bibliography.Should().BeEmpty();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "references/bibliography.yaml(1,8): error CTO1012: 'Morino_2011' is not a valid reference key: use lower-case words joined by '-', e.g. morino-2011");
    }

    [Fact]
    public void The_bibliography_reader_reports_YAML_errors_with_their_position()
    {
        var diagnostics = new List<Diagnostic>();
        BibliographyReader.Read("- key: [x\n", "references/bibliography.yaml", diagnostics).Should().BeEmpty();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "references/bibliography.yaml(2,1): error CTO1003: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'.");
    }
}
