using CtoRules.Cases;
using CtoRules.Language.Conditions;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using static CtoRules.Language.Tests.RuleSets;

namespace CtoRules.Language.Tests;

public class RuleSetReaderTests
{
    private const string X = "rules/lesion-preparation/x.md";

    /// <summary>A valid rule beside a file that cannot be read, so the set is not empty (no CTO1022).</summary>
    private static readonly (string, string) Ok = ("rules/planning/ok.md", AdviceRule(id: "ok.rule"));

    private static Diagnostic Single(RuleSetLoad load)
    {
        load.RuleSet.Should().BeNull("the set has an error");
        return load.Diagnostics.Should().ContainSingle().Subject;
    }

    private static void ShouldBe(Diagnostic d, string code, SourceLocation at, string message)
    {
        d.Code.Should().Be(code);
        d.Location.Should().Be(at);
        d.Message.Should().Be(message);
    }

    // ---- a valid set ---------------------------------------------------------------------

    [Fact]
    public void A_valid_minimal_set_loads_without_diagnostics()
    {
        var load = Load(
            (X, AdviceRule(when: "heavy and ivus.calciumDistribution == eccentric")),
            ("rules/derived/d.heavy.md", DerivedRule("d.heavy", "heavy", "lesion.calcification == severe")),
            // The items add up to the maximum (CTO1027 otherwise).
            ("rules/scores/J-CTO.yaml", JctoScore.Replace("maxPoints: 5", "maxPoints: 1.5", StringComparison.Ordinal)),
            ("rules/scores/J-CTO/s.calcification.md", ScoreItem("s.calcification", "calcification", "1.5")));

        load.Diagnostics.Should().BeEmpty();
        load.HasErrors.Should().BeFalse();
        var set = load.RuleSet!;
        set.Manifest.Should().BeEquivalentTo(new { Id = "test-set", Version = "1.0.0", Title = "Test set" });
        set.Rules.Select(r => r.Id).Should().Equal("d.heavy", "prep.x", "s.calcification");
        set.Bibliography.Keys.Should().BeEquivalentTo("ref-2020", "other-2021");
        set.Sources.Select(s => s.Path).Should().Equal(
            "references/bibliography.yaml",
            "rules/derived/d.heavy.md",
            "rules/lesion-preparation/x.md",
            "rules/ruleset.yaml",
            "rules/scores/J-CTO.yaml",
            "rules/scores/J-CTO/s.calcification.md");
        set.ContentDigest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        set.ContentDigest.Should().Be(RuleSet.ComputeDigest(set.Sources));

        var advice = set.Find("prep.x")!;
        advice.Role.Should().Be(RuleRole.Advice);
        advice.Stage.Should().Be("lesion-preparation");
        advice.Step.Should().Be(1);
        advice.Kind.Should().Be("avoid");
        advice.Actions.Should().Equal("IVL");
        advice.Text.Should().Be("Do it.");
        advice.References.Should().Equal("ref-2020");
        advice.Rationale.Should().Be("Rationale.");
        advice.When.Should().Be("heavy and ivus.calciumDistribution == eccentric");
        advice.Condition.Should().Be(new BoundAnd(
            new BoundDerived("heavy"),
            new BoundCompare(CaseSchema.Find("ivus.calciumDistribution")!, CompareOp.Equal, 1)));

        var derived = set.Find("d.heavy")!;
        derived.Role.Should().Be(RuleRole.Derived);
        derived.Derives.Should().Be("heavy");

        var item = set.Find("s.calcification")!;
        item.Role.Should().Be(RuleRole.ScoreItem);
        item.Score.Should().Be("J-CTO");
        item.Item.Should().Be("calcification");
        item.Points.Should().Be(1.5);

        var score = set.Scores.Should().ContainSingle().Subject;
        score.Name.Should().Be("J-CTO");
        score.MaxPoints.Should().Be(1.5);
        score.Categories.Select(c => (c.Min, c.Max, c.Label)).Should().Equal((0, 0, "easy"), (1, 1, "intermediate"), (2, null, "difficult"));
    }

    [Fact]
    public void A_rule_without_when_always_applies_and_step_is_read()
    {
        var load = Load((X, Lines(
            "---",
            "id: prep.always",
            "version: 3",
            "title: Always",
            "stage: planning",
            "step: 2",
            "kind: note",
            "actions: IVUS",
            "text: Note this.",
            "references: ref-2020",
            "---")));
        load.Diagnostics.Should().BeEmpty();
        var rule = load.RuleSet!.Rules.Should().ContainSingle().Subject;
        rule.When.Should().BeNull();
        rule.Condition.Should().Be(new BoundConstant(true));
        rule.Version.Should().Be(3);
        rule.Step.Should().Be(2);
        rule.Actions.Should().Equal("IVUS");
        rule.References.Should().Equal("ref-2020");
        rule.Rationale.Should().BeEmpty();
    }

    [Fact]
    public void An_empty_set_loads_with_a_CTO1022_warning()
    {
        var load = Load();
        load.RuleSet.Should().NotBeNull();
        load.HasErrors.Should().BeFalse();
        var d = load.Diagnostics.Should().ContainSingle().Subject;
        d.ToString().Should().Be("rules/ruleset.yaml: warning CTO1022: the rule set has no rules");
    }

    [Fact]
    public void A_warning_does_not_stop_the_set_from_loading()
    {
        var load = Load((X, AdviceRule(when: "lesion.lengthMm > 400")));
        load.RuleSet.Should().NotBeNull();
        load.HasErrors.Should().BeFalse();
        load.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "rules/lesion-preparation/x.md(8,25): warning CTO3005: 400 is outside the range of lesion.lengthMm (0–300); the comparison is constant");
    }

    // ---- Diagnostic.ToString ----------------------------------------------------------------

    [Fact]
    public void A_diagnostic_prints_file_line_column_severity_code_and_message()
    {
        var load = Load(("rules/prep/x.md", Lines(
            "---",
            "id: prep.x",
            "version: 1",
            "title: T",
            "stage: planning",
            "kind: avoid",
            "when: not (lesion.lenghtMm > 3)",
            "actions: [IVL]",
            "text: T",
            "references: [ref-2020]",
            "---")));
        var d = Single(load);
        d.Location.Should().Be(At("rules/prep/x.md", 7, 12));
        d.IsError.Should().BeTrue();
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.ToString().Should().Be("rules/prep/x.md(7,12): error CTO3001: unknown path 'lesion.lenghtMm'; did you mean 'lesion.lengthMm'?");
    }

    [Fact]
    public void The_example_of_the_rule_format_page_prints_as_documented()
    {
        var load = Load((X, Lines(
            "---",
            "id: prep.eccentric",
            "version: 1",
            "title: T",
            "stage: lesion-preparation",
            "kind: avoid",
            "when: not (ivus.calciumDistrib == eccentric)",
            "actions: [HIGH-PRESSURE-DILATATION]",
            "text: T",
            "references: [ref-2020]",
            "---")));
        Single(load).ToString().Should().Be(
            "rules/lesion-preparation/x.md(7,12): error CTO3001: unknown path 'ivus.calciumDistrib'; did you mean 'ivus.calciumDistribution'?");
    }

    [Fact]
    public void A_location_without_a_line_prints_the_file_only()
    {
        SourceLocation.InFile("rules/ruleset.yaml").ToString().Should().Be("rules/ruleset.yaml");
        At("a/b.md", 3, 4).ToString().Should().Be("a/b.md(3,4)");
    }

    [Fact]
    public void Diagnostics_name_the_display_path_of_a_source()
    {
        var load = RuleSetReader.Load([
            new SourceFile(RuleSetReader.ManifestPath, Manifest),
            new SourceFile(RuleSetReader.BibliographyPath, Bibliography),
            new SourceFile(X, "no front matter", "kb/prep/x.md"),
            new SourceFile(Ok.Item1, Ok.Item2),
        ]);
        Single(load).ToString().Should().Be(
            "kb/prep/x.md(1,1): error CTO1002: a rule file must start with YAML front matter between two '---' lines");
    }

    // ---- conditions located in the file -----------------------------------------------------

    [Fact]
    public void A_condition_error_on_a_plain_when_line_is_located_at_its_column() =>
        ShouldBe(Single(Load((X, AdviceRule(when: "lesion.inStent and ivus.calciumDistribution == eccentrc")))),
            "CTO3002", At(X, 8, 54),
            "'eccentrc' is not a value of ivus.calciumDistribution (concentric, eccentric); did you mean 'eccentric'?");

    [Fact]
    public void A_condition_error_follows_extra_spaces_after_the_colon() =>
        ShouldBe(Single(Load((X, AdviceRule(when: "   lesion.inStent and  ivus.calciumDistribution > eccentric")))),
            "CTO3004", At(X, 8, 30),
            "operator '>' cannot be used with ivus.calciumDistribution (an enum of concentric, eccentric)");

    private static string FoldedWhen(string style, string secondLine, string newline = "\n") => string.Join(newline,
        "---",
        "id: prep.x",
        "version: 1",
        "title: T",
        "stage: planning",
        "kind: avoid",
        $"when: {style}",
        "  lesion.inStent and",
        "  " + secondLine,
        "actions: [IVL]",
        "text: T",
        "references: [ref-2020]",
        "---",
        "");

    [Fact]
    public void A_type_error_on_the_second_line_of_a_folded_when_is_located_on_that_line() =>
        ShouldBe(Single(Load((X, FoldedWhen(">-", "ivus.calciumDistribution == eccentrc")))),
            "CTO3002", At(X, 9, 31),
            "'eccentrc' is not a value of ivus.calciumDistribution (concentric, eccentric); did you mean 'eccentric'?");

    [Fact]
    public void An_unknown_path_on_the_second_line_of_a_folded_when_is_located_on_that_line() =>
        ShouldBe(Single(Load((X, FoldedWhen(">-", "known(lesion.lenghtMm)")))),
            "CTO3001", At(X, 9, 9), "unknown path 'lesion.lenghtMm'; did you mean 'lesion.lengthMm'?");

    [Fact]
    public void A_syntax_error_at_the_end_of_a_folded_when_is_located_after_its_last_character() =>
        ShouldBe(Single(Load((X, FoldedWhen(">-", "lesion.lengthMm >")))),
            "CTO2001", At(X, 9, 20), "unexpected end of input, expected value");

    [Fact]
    public void Folded_when_with_CRLF_line_endings_is_located_the_same() =>
        ShouldBe(Single(Load((X, FoldedWhen(">-", "ivus.calciumDistribution == eccentrc", "\r\n")))),
            "CTO3002", At(X, 9, 31),
            "'eccentrc' is not a value of ivus.calciumDistribution (concentric, eccentric); did you mean 'eccentric'?");

    [Fact]
    public void A_literal_block_when_is_located_on_its_line() =>
        ShouldBe(Single(Load((X, FoldedWhen("|", "lesion.vessel == lad")))),
            "CTO3002", At(X, 9, 20),
            "'lad' is not a value of lesion.vessel (LAD, LCX, RCA, LM, OTHER); did you mean 'LAD'?");

    [Fact]
    public void A_double_quoted_when_is_located_inside_the_quotes() =>
        ShouldBe(Single(Load((X, AdviceRule(when: "\"lesion.inStent and ccta\"")))),
            "CTO3010", At(X, 8, 27), "'ccta' is a block; use known(ccta)");

    [Fact]
    public void A_plain_when_continued_on_the_next_line_is_located_there()
    {
        var text = AdviceRule(when: "lesion.inStent and\n  foo == 1");
        ShouldBe(Single(Load((X, text))), "CTO3001", At(X, 9, 3), "unknown path 'foo'");
    }

    [Fact]
    public void An_invalid_character_in_when_is_CTO2002_at_its_column() =>
        ShouldBe(Single(Load((X, AdviceRule(when: "lesion.inStent and $")))), "CTO2002", At(X, 8, 26), "unexpected `$`");

    [Fact]
    public void Nesting_too_deep_in_when_is_CTO2003() =>
        ShouldBe(Single(Load((X, AdviceRule(when: new string('(', 40) + "lesion.inStent" + new string(')', 40))))),
            "CTO2003", At(X, 8, 7 + ConditionParser.MaxDepth), $"condition is nested deeper than {ConditionParser.MaxDepth} levels");

    [Fact]
    public void An_empty_quoted_when_is_CTO2001() =>
        Single(Load((X, AdviceRule(when: "''")))).Should().Match<Diagnostic>(d => d.Code == "CTO2001" && d.Message == "the condition is empty" && d.Location.Line == 8);

    [Fact]
    public void A_score_definition_when_is_bound_and_located()
    {
        var score = JctoScore.Replace("maxPoints: 5\n", "maxPoints: 5\nwhen: known(cta)\n", StringComparison.Ordinal);
        ShouldBe(Single(Load((X, AdviceRule()), ("rules/scores/J-CTO.yaml", score))),
            "CTO3001", At("rules/scores/J-CTO.yaml", 4, 13), "unknown path 'cta'; did you mean 'ccta'?");
    }

    // ---- CTO1xxx, one by one ---------------------------------------------------------------

    [Fact]
    public void CTO1001_the_bibliography_is_missing()
    {
        var load = LoadOnly((RuleSetReader.ManifestPath, Manifest), (X, AdviceRule()));
        load.RuleSet.Should().BeNull();
        var d = load.Diagnostics.Where(d => d.Code == "CTO1001").Should().ContainSingle().Subject;
        d.ToString().Should().Be("references/bibliography.yaml: error CTO1001: cannot read the file: the bibliography is missing");
    }

    [Fact]
    public void CTO1002_missing_front_matter() =>
        ShouldBe(Single(Load((X, "# A title\n\nNo front matter.\n"), Ok)),
            "CTO1002", At(X, 1, 1), "a rule file must start with YAML front matter between two '---' lines");

    [Fact]
    public void CTO1002_front_matter_not_at_the_start() =>
        Single(Load((X, "\n" + AdviceRule()), Ok)).Code.Should().Be("CTO1002");

    [Fact]
    public void CTO1003_YAML_syntax_error_is_located_in_the_file() =>
        ShouldBe(Single(Load((X, Lines("---", "id: x", "version: 1", "  title: bad indentation", "---")), Ok)),
            "CTO1003", At(X, 4, 8), "YAML syntax error: While scanning a plain scalar value, found invalid mapping.");

    [Fact]
    public void CTO1003_duplicate_key() =>
        ShouldBe(Single(Load((X, Lines("---", "id: x", "id: y", "---")), Ok)),
            "CTO1003", At(X, 3, 1), "YAML syntax error: Duplicate key id");

    [Fact]
    public void CTO1003_front_matter_that_is_not_a_mapping() =>
        ShouldBe(Single(Load((X, Lines("---", "- a", "- b", "---")), Ok)),
            "CTO1003", At(X, 2, 1), "YAML syntax error: expected a mapping of fields");

    /// <summary>The message is YamlDotNet's InvalidOperationException text (reported as unclear).</summary>
    [Fact]
    public void CTO1003_unclosed_flow_sequence()
    {
        var d = Single(Load((X, Lines("---", "id: x", "version: 1", "title: [unclosed", "stage: planning", "---")), Ok));
        d.Code.Should().Be("CTO1003");
        d.Location.File.Should().Be(X);
    }

    [Fact]
    public void CTO1004_missing_field_is_located_at_the_start_of_the_front_matter() =>
        ShouldBe(Single(Load((X, AdviceRule().Replace("text: Do it.\n", "", StringComparison.Ordinal)))),
            "CTO1004", At(X, 2, 1), "missing required field 'text'");

    [Fact]
    public void CTO1004_every_missing_field_is_reported()
    {
        var load = Load((X, Lines("---", "id: prep.x", "---")));
        load.Diagnostics.Should().OnlyContain(d => d.Code == "CTO1004" && d.Location == At(X, 2, 1));
        load.Diagnostics.Select(d => d.Message).Should().BeEquivalentTo(
            "missing required field 'version'", "missing required field 'title'", "missing required field 'references'",
            "missing required field 'stage'", "missing required field 'kind'", "missing required field 'actions'",
            "missing required field 'text'");
    }

    [Fact]
    public void CTO1004_a_derived_fact_needs_when() =>
        ShouldBe(Single(Load(("rules/derived/d.md", Lines("---", "id: d.a", "version: 1", "title: T", "derives: alpha", "references: [ref-2020]", "---")))),
            "CTO1004", At("rules/derived/d.md", 2, 1), "missing required field 'when'");

    [Fact]
    public void CTO1005_unknown_field_with_a_suggestion()
    {
        var load = Load((X, AdviceRule().Replace("stage:", "stag:", StringComparison.Ordinal)));
        var d = load.Diagnostics.Should().ContainSingle(d => d.Code == "CTO1005").Subject;
        ShouldBe(d, "CTO1005", At(X, 5, 1), "unknown field 'stag'; did you mean 'stage'?");
        load.Diagnostics.Should().Contain(d => d.Code == "CTO1004" && d.Message == "missing required field 'stage'");
    }

    [Fact]
    public void CTO1005_unknown_field_without_a_close_match() =>
        ShouldBe(Single(Load((X, AdviceRule().Replace("text: Do it.\n", "text: Do it.\nowner: someone\n", StringComparison.Ordinal)))),
            "CTO1005", At(X, 10, 1), "unknown field 'owner'");

    [Theory]
    [InlineData("version: 1", "version: one", 3, 10, "field 'version' must be an integer ≥ 1")]
    [InlineData("version: 1", "version: 0", 3, 10, "field 'version' must be an integer ≥ 1")]
    [InlineData("kind: avoid", "kind: avoid\nstep: 1.5", 7, 7, "field 'step' must be an integer ≥ 1")]
    [InlineData("text: Do it.", "text: [a, b]", 9, 7, "field 'text' must be a string")]
    [InlineData("text: Do it.", "text:", 9, 6, "field 'text' must be a string")]
    [InlineData("actions: [IVL]", "actions: {a: 1}", 7, 10, "field 'actions' must be a list of strings")]
    public void CTO1006_wrong_field_type(string from, string to, int line, int column, string message) =>
        ShouldBe(Single(Load((X, AdviceRule().Replace(from, to, StringComparison.Ordinal)))), "CTO1006", At(X, line, column), message);

    [Fact]
    public void CTO1006_points_must_be_a_number() =>
        ShouldBe(Single(Load(("rules/scores/J-CTO.yaml", JctoScore), ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "a", points: "lots")))),
            "CTO1006", At("rules/scores/J-CTO/a.md", 7, 9), "field 'points' must be a number");

    [Fact]
    public void CTO1007_duplicate_rule_id_names_the_first_file() =>
        ShouldBe(Single(Load(("rules/lesion-preparation/a.md", AdviceRule()), ("rules/lesion-preparation/b.md", AdviceRule()))),
            "CTO1007", At("rules/lesion-preparation/b.md", 2, 5), "rule id 'prep.x' is already used by rules/lesion-preparation/a.md");

    [Fact]
    public void CTO1008_unknown_stage_lists_the_stages() =>
        ShouldBe(Single(Load((X, AdviceRule().Replace("stage: lesion-preparation", "stage: lesion-prep", StringComparison.Ordinal)))),
            "CTO1008", At(X, 5, 8),
            "unknown stage 'lesion-prep'; expected one of planning, crossing, device-crossing, lesion-preparation, stent-optimisation");

    [Fact]
    public void CTO1009_unknown_kind_lists_the_kinds() =>
        ShouldBe(Single(Load((X, AdviceRule().Replace("kind: avoid", "kind: avoidd", StringComparison.Ordinal)))),
            "CTO1009", At(X, 6, 7), "unknown kind 'avoidd'; expected one of recommend, consider, avoid, caution, note");

    [Fact]
    public void CTO1010_unknown_action_code_with_a_suggestion_at_the_list_item() =>
        ShouldBe(Single(Load((X, AdviceRule().Replace("actions: [IVL]", "actions: [IVL, HIGH-PRESSURE-DILATATON]", StringComparison.Ordinal)))),
            "CTO1010", At(X, 7, 16), "unknown action code 'HIGH-PRESSURE-DILATATON'; did you mean 'HIGH-PRESSURE-DILATATION'?");

    [Fact]
    public void CTO1010_unknown_action_code_in_a_block_list() =>
        ShouldBe(Single(Load((X, AdviceRule().Replace("actions: [IVL]", "actions:\n  - IVL\n  - OPN-BALOON", StringComparison.Ordinal)))),
            "CTO1010", At(X, 9, 5), "unknown action code 'OPN-BALOON'; did you mean 'OPN-BALLOON'?");

    [Fact]
    public void CTO1011_unknown_reference_key_with_a_suggestion() =>
        ShouldBe(Single(Load((X, AdviceRule().Replace("[ref-2020]", "[ref-2020, other-2012]", StringComparison.Ordinal)))),
            "CTO1011", At(X, 10, 24), "unknown reference key 'other-2012'; did you mean 'other-2021'?");

    [Fact]
    public void CTO1011_unknown_reference_key_of_a_score() =>
        ShouldBe(Single(Load((X, AdviceRule()), ("rules/scores/J-CTO.yaml", JctoScore.Replace("[ref-2020]", "[morino-2011]", StringComparison.Ordinal)))),
            "CTO1011", At("rules/scores/J-CTO.yaml", 4, 14), "unknown reference key 'morino-2011'");

    [Fact]
    public void CTO1012_invalid_derived_fact_name() =>
        ShouldBe(Single(Load(("rules/derived/d.md", DerivedRule("d.a", "Heavy-calc", "lesion.inStent")))),
            "CTO1012", At("rules/derived/d.md", 5, 10),
            "'Heavy-calc' is not a valid derived fact name: use camelCase starting with a lower-case letter, not a keyword or a block name, e.g. heavyCalcification");

    /// <summary>
    /// BUG: an invalid rule id is reported at the key <c>id</c> (column 1) whereas every other
    /// problem with a value (a duplicate id, an invalid derived name, an unknown stage) is
    /// reported at the value (here column 5).
    /// </summary>
    [Fact]
    public void CTO1012_invalid_rule_id_is_located_at_the_value() =>
        ShouldBe(Single(Load((X, AdviceRule(id: "Prep_X")))),
            "CTO1012", At(X, 2, 5), "'Prep_X' is not a valid rule id: use lower-case words joined by '.' or '-', at most 100 characters");

    [Fact]
    public void CTO1012_a_rule_id_longer_than_100_characters() =>
        Single(Load((X, AdviceRule(id: new string('a', 101))))).Code.Should().Be("CTO1012");

    [Fact]
    public void CTO1013_no_ruleset_yaml()
    {
        var load = LoadOnly((RuleSetReader.BibliographyPath, Bibliography), (X, AdviceRule()));
        load.RuleSet.Should().BeNull();
        load.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "rules/ruleset.yaml: error CTO1013: the rule set has no ruleset.yaml");
    }

    [Fact]
    public void CTO1013_version_is_not_semantic() =>
        ShouldBe(Single(LoadOnly(
                (RuleSetReader.ManifestPath, Manifest.Replace("1.0.0", "1.0", StringComparison.Ordinal)),
                (RuleSetReader.BibliographyPath, Bibliography), (X, AdviceRule()))),
            "CTO1013", At("rules/ruleset.yaml", 2, 10), "'1.0' is not a semantic version (MAJOR.MINOR.PATCH)");

    [Fact]
    public void CTO1014_unknown_score_with_a_suggestion() =>
        ShouldBe(Single(Load(("rules/scores/J-CTO.yaml", JctoScore), ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "a", score: "J-CT0")))),
            "CTO1014", At("rules/scores/J-CTO/a.md", 5, 8), "unknown score 'J-CT0'; define it in rules/scores/J-CT0.yaml; did you mean 'J-CTO'?");

    [Fact]
    public void CTO1015_score_defined_in_a_file_of_another_name() =>
        ShouldBe(Single(Load((X, AdviceRule()), ("rules/scores/JCTO.yaml", JctoScore))),
            "CTO1015", At("rules/scores/JCTO.yaml", 1, 8), "score 'J-CTO' must be defined in a file named J-CTO.yaml");

    [Fact]
    public void CTO1015_overlapping_categories() =>
        ShouldBe(Single(Load((X, AdviceRule()), ("rules/scores/J-CTO.yaml", JctoScore.Replace("{ min: 2, label: difficult }", "{ min: 1, label: difficult }", StringComparison.Ordinal)))),
            "CTO1015", At("rules/scores/J-CTO.yaml", 8, 12), "category 'difficult' overlaps another category");

    [Fact]
    public void CTO1016_the_bibliography_is_not_a_list()
    {
        var load = LoadOnly((RuleSetReader.ManifestPath, Manifest), (RuleSetReader.BibliographyPath, "key: ref-2020\n"), (X, AdviceRule()));
        load.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "references/bibliography.yaml(1,1): error CTO1016: the bibliography must be a YAML list of entries",
            "rules/lesion-preparation/x.md(10,14): error CTO1011: unknown reference key 'ref-2020'");
    }

    [Fact]
    public void CTO1016_an_entry_that_is_not_a_mapping() =>
        ShouldBe(Single(LoadOnly((RuleSetReader.ManifestPath, Manifest), (RuleSetReader.BibliographyPath, "- just a string\n" + Bibliography), (X, AdviceRule()))),
            "CTO1016", At("references/bibliography.yaml", 1, 3), "an entry must be a mapping");

    [Fact]
    public void CTO1017_duplicate_reference_key() =>
        ShouldBe(Single(LoadOnly((RuleSetReader.ManifestPath, Manifest), (RuleSetReader.BibliographyPath, Bibliography + Lines("- key: ref-2020", "  type: article-journal", "  authors: [Doe J]", "  title: Again", "  journal: J Test", "  year: 2020")), (X, AdviceRule()))),
            "CTO1017", At("references/bibliography.yaml", 13, 3), "reference key 'ref-2020' is defined twice");

    [Fact]
    public void CTO1018_derives_together_with_kind() =>
        ShouldBe(Single(Load(("rules/derived/d.md", DerivedRule("d.a", "alpha", "lesion.inStent").Replace("derives: alpha\n", "derives: alpha\nkind: avoid\n", StringComparison.Ordinal)))),
            "CTO1018", At("rules/derived/d.md", 6, 1), "field 'kind' does not belong in a derived-fact rule");

    [Fact]
    public void CTO1018_score_item_with_a_stage() =>
        ShouldBe(Single(Load(("rules/scores/J-CTO.yaml", JctoScore), ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "a").Replace("points: 1\n", "points: 1\nstage: planning\n", StringComparison.Ordinal)))),
            "CTO1018", At("rules/scores/J-CTO/a.md", 8, 1), "field 'stage' does not belong in a score-item rule");

    [Fact]
    public void CTO1019_empty_lists()
    {
        var load = Load((X, AdviceRule().Replace("[IVL]", "[]", StringComparison.Ordinal).Replace("[ref-2020]", "[]", StringComparison.Ordinal)));
        load.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "rules/lesion-preparation/x.md(7,10): error CTO1019: field 'actions' needs at least one entry",
            "rules/lesion-preparation/x.md(10,13): error CTO1019: field 'references' needs at least one entry");
    }

    [Fact]
    public void CTO1020_duplicate_score_item_names_the_first_file() =>
        ShouldBe(Single(Load(("rules/scores/J-CTO.yaml", JctoScore),
                ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "calcification")),
                ("rules/scores/J-CTO/b.md", ScoreItem("s.b", "calcification", "2")))),
            "CTO1020", At("rules/scores/J-CTO/b.md", 6, 7), "score 'J-CTO' already has an item 'calcification' (rules/scores/J-CTO/a.md)");

    // ---- the derived-fact graph -----------------------------------------------------------

    [Fact]
    public void CTO3009_a_derived_fact_defined_twice() =>
        ShouldBe(Single(Load(("rules/derived/a.md", DerivedRule("d.a", "heavy", "lesion.inStent")), ("rules/derived/b.md", DerivedRule("d.b", "heavy", "lesion.inStent")))),
            "CTO3009", At("rules/derived/b.md", 5, 10), "derived fact 'heavy' is already derived by rules/derived/a.md");

    [Fact]
    public void CTO3008_a_cycle_of_two_derived_facts() =>
        ShouldBe(Single(Load(("rules/derived/a.md", DerivedRule("d.a", "alpha", "beta and lesion.inStent")), ("rules/derived/b.md", DerivedRule("d.b", "beta", "lesion.inStent or alpha")))),
            "CTO3008", At("rules/derived/a.md", 6, 7), "derived facts form a cycle: alpha -> beta -> alpha");

    [Fact]
    public void CTO3008_a_cycle_of_three_derived_facts() =>
        ShouldBe(Single(Load(
                ("rules/derived/a.md", DerivedRule("d.a", "alpha", "beta")),
                ("rules/derived/b.md", DerivedRule("d.b", "beta", "not gamma")),
                ("rules/derived/c.md", DerivedRule("d.c", "gamma", "alpha or lesion.inStent")))),
            "CTO3008", At("rules/derived/a.md", 6, 7), "derived facts form a cycle: alpha -> beta -> gamma -> alpha");

    [Fact]
    public void CTO3008_a_derived_fact_that_uses_itself() =>
        ShouldBe(Single(Load(("rules/derived/a.md", DerivedRule("d.a", "alpha", "alpha and lesion.inStent")))),
            "CTO3008", At("rules/derived/a.md", 6, 7), "derived facts form a cycle: alpha -> alpha");

    [Fact]
    public void A_derived_fact_used_by_another_in_a_chain_is_not_a_cycle() =>
        Load(("rules/derived/a.md", DerivedRule("d.a", "alpha", "beta and gamma")),
                ("rules/derived/b.md", DerivedRule("d.b", "beta", "gamma")),
                ("rules/derived/c.md", DerivedRule("d.c", "gamma", "lesion.inStent")))
            .Diagnostics.Should().BeEmpty();

    [Fact]
    public void A_derived_fact_used_with_a_comparison_in_a_rule_is_CTO3004() =>
        ShouldBe(Single(Load(("rules/derived/a.md", DerivedRule("d.a", "alpha", "lesion.inStent")), (X, AdviceRule(when: "alpha == true")))),
            "CTO3004", At(X, 8, 7), "a derived fact is true or false: use 'alpha' or 'not alpha', not a comparison");

    // ---- collecting everything ---------------------------------------------------------------

    [Fact]
    public void A_file_with_three_problems_yields_three_diagnostics_in_line_order()
    {
        var load = Load((X, Lines(
            "---",
            "id: prep.x",
            "version: 1",
            "title: T",
            "stage: plannin",
            "kind: avoid",
            "actions: [IVLL]",
            "when: lesion.lenghtMm > 3",
            "text: T",
            "references: [ref-2020]",
            "---")));
        load.RuleSet.Should().BeNull();
        load.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "rules/lesion-preparation/x.md(5,8): error CTO1008: unknown stage 'plannin'; expected one of planning, crossing, device-crossing, lesion-preparation, stent-optimisation",
            "rules/lesion-preparation/x.md(7,11): error CTO1010: unknown action code 'IVLL'; did you mean 'IVL'?",
            "rules/lesion-preparation/x.md(8,7): error CTO3001: unknown path 'lesion.lenghtMm'; did you mean 'lesion.lengthMm'?");
    }

    [Fact]
    public void Diagnostics_of_every_file_are_collected_and_sorted_by_file_line_and_column()
    {
        var load = Load(
            ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "a", score: "J-CT0")),
            ("rules/scores/J-CTO.yaml", JctoScore),
            ("rules/planning/p.md", "no front matter"),
            ("rules/derived/d.md", DerivedRule("d.a", "alpha", "lesion.inStent and lesion.vessel == lad")),
            (X, AdviceRule(when: "alpha and lesion.lengthMm > 400").Replace("kind: avoid", "kind: avoidd", StringComparison.Ordinal)));
        load.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "rules/derived/d.md(6,43): error CTO3002: 'lad' is not a value of lesion.vessel (LAD, LCX, RCA, LM, OTHER); did you mean 'LAD'?",
            "rules/lesion-preparation/x.md(6,7): error CTO1009: unknown kind 'avoidd'; expected one of recommend, consider, avoid, caution, note",
            "rules/lesion-preparation/x.md(8,35): warning CTO3005: 400 is outside the range of lesion.lengthMm (0–300); the comparison is constant",
            "rules/planning/p.md(1,1): error CTO1002: a rule file must start with YAML front matter between two '---' lines",
            "rules/scores/J-CTO/a.md(5,8): error CTO1014: unknown score 'J-CT0'; define it in rules/scores/J-CT0.yaml; did you mean 'J-CTO'?");
    }

    [Fact]
    public void LoadDirectory_of_a_missing_folder_is_CTO1001()
    {
        var missing = Path.Combine(AppContext.BaseDirectory, "no-such-folder-" + Guid.NewGuid().ToString("N"));
        var load = RuleSetReader.LoadDirectory(missing);
        load.RuleSet.Should().BeNull();
        var d = load.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("CTO1001");
        d.Message.Should().Be("cannot read the file: no such folder");
    }
}
