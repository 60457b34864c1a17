using CtoRules.Authoring.Editing;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Tests;

/// <summary>The editor's library: file text round trip, diagnostics placed in the condition, completion, hover, diff.</summary>
public class EditingTests
{
    private static readonly string RulesDir = FindRules();
    private static readonly RuleSet Shipped = RuleSetReader.LoadDirectory(RulesDir).RuleSet!;

    [Fact]
    public void An_untouched_form_composes_every_shipped_rule_file_back_byte_for_byte()
    {
        foreach (var file in Directory.EnumerateFiles(RulesDir, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            var form = RuleForm.FromText(text);
            form.Should().NotBeNull(file);
            form!.Compose(text).Should().Be(text, file);
        }
    }

    [Fact]
    public void Changing_the_condition_rewrites_only_the_when_line()
    {
        var (path, text) = Rule("crossing.cap.base");
        var form = RuleForm.FromText(text)!;
        form.Condition += " and lesion.lengthMm > 5";
        var composed = form.Compose(text);
        var before = text.Split('\n');
        var after = composed.Split('\n');
        after.Should().HaveSameCount(before);
        Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).Select(i => after[i])
            .Should().ContainSingle().Which.Should().EndWith("and lesion.lengthMm > 5").And.StartWith("when: ");
        RuleEditAnalyzer.Analyze(Shipped.Sources, path, composed).HasErrors.Should().BeFalse();
    }

    [Fact]
    public void An_unknown_path_is_a_marker_at_its_place_in_a_multi_line_condition()
    {
        var (path, text) = Rule("crossing.cap.base");
        var form = RuleForm.FromText(text)!;
        form.Condition = "heavyCalcification\nand lesion.bogus == 3";
        var analysis = RuleEditAnalyzer.Analyze(Shipped.Sources, path, form.Compose(text));
        analysis.HasErrors.Should().BeTrue();
        var marker = analysis.ConditionMarkers.Should().ContainSingle(m => m.Code == "CTO3001").Subject;
        var placed = RuleEditAnalyzer.OnEditorText(marker, form.Condition);
        (placed.StartLine, placed.StartColumn, placed.EndColumn).Should().Be((2, 5, 5 + "lesion.bogus".Length));
        placed.Message.Should().Contain("lesion.bogus");
        analysis.Diagnostics.Should().Contain(d => d.InEditedFile && d.Diagnostic.Code == "CTO3001");
    }

    [Fact]
    public void A_change_that_breaks_another_rule_is_listed_with_that_rule()
    {
        var deriver = Shipped.Rules.First(r => r.Derives == "heavyCalcification");
        var text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RulesDir)!, deriver.Source.Path));
        var broken = text.Replace("derives: heavyCalcification", "derives: heavyCalcificationRenamed");
        broken.Should().NotBe(text);
        var analysis = RuleEditAnalyzer.Analyze(Shipped.Sources, deriver.Source.Path, broken);
        analysis.Diagnostics.Should().Contain(d => !d.InEditedFile && d.RuleId != null && d.Diagnostic.IsError);
    }

    [Fact]
    public void Completion_offers_fields_after_a_block_enum_values_after_a_comparison_and_names_at_the_start()
    {
        var assist = new ConditionAssist(Shipped);
        assist.Complete("lesion.", 7).Select(c => c.Label).Should().Contain("lesion.stump").And.Contain("lesion.lengthMm");
        var enumText = "lesion.calcification == ";
        assist.Complete(enumText, enumText.Length).Select(c => c.Label).Should().Contain("severe").And.OnlyContain(l => !l.Contains('.'));
        var inList = "lesion.stump in [blunt, ";
        assist.Complete(inList, inList.Length).Select(c => c.Label).Should().Contain("invisible");
        var start = assist.Complete("heavy", 5);
        start.Should().Contain(c => c.Label == "heavyCalcification" && c.Kind == CompletionKind.DerivedFact);
        assist.Complete("J-", 2).Should().Contain(c => c.Label == "J-CTO" && c.Kind == CompletionKind.Score);
    }

    [Fact]
    public void Hover_tells_a_paths_type_unit_and_range_and_a_derived_facts_rule()
    {
        var assist = new ConditionAssist(Shipped);
        assist.Hover("lesion.lengthMm > 20", 10).Should().Contain("lesion.lengthMm").And.Contain("mm").And.Contain("number");
        assist.Hover("lesion.calcification == severe", 3).Should().Contain("one of").And.Contain("severe");
        assist.Hover("heavyCalcification and x", 4).Should().Contain("derived fact").And.Contain("derived.");
        assist.Hover("   ", 1).Should().BeNull();
    }

    [Fact]
    public void The_side_by_side_diff_pairs_a_changed_line_and_marks_inserted_ones()
    {
        var rows = SideBySideDiff.Compare("a\nb\nc\n", "a\nB\nc\nd\n");
        rows.Should().Contain(r => r.Kind == DiffRowKind.Changed && r.OldText == "b" && r.NewText == "B");
        rows.Should().Contain(r => r.Kind == DiffRowKind.Inserted && r.NewText == "d");
        // a, c and the empty line after the final newline.
        rows.Where(r => r.Kind == DiffRowKind.Same).Select(r => r.OldText).Should().Equal("a", "c", "");
    }

    private static (string Path, string Text) Rule(string id)
    {
        var rule = Shipped.Find(id)!;
        return (rule.Source.Path, File.ReadAllText(Path.Combine(Path.GetDirectoryName(RulesDir)!, rule.Source.Path)).Replace("\r\n", "\n"));
    }

    private static string FindRules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return Path.Combine(dir.FullName, "rules");
        throw new InvalidOperationException("no rules/ above the test folder");
    }
}
