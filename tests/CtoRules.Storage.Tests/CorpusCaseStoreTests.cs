using CtoRules.Authoring.CorpusCases;
using CtoRules.Storage.Corpus;
using CtoRules.Storage.Identity;
using CtoRules.Storage.Revisions;
using CtoRules.Storage.Rules;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage.Tests;

/// <summary>Corpus cases written under the rule-save rules, on a real corpus folder and SQLite database.</summary>
public class CorpusCaseStoreTests
{
    private static CorpusCaseForm NewCase(string id = "site-new-case")
    {
        var form = new CorpusCaseForm { Title = "Planning a severe, long occlusion", Tags = "planning", Source = "EuroCTO 2023 review" };
        form.Case.Id = id;
        form.Case["lesion.calcification"] = "severe";
        form.Case["lesion.lengthMm"] = "25";
        form.Case["procedure.stage"] = "planning";
        form.Advice.Add(new ExpectedAdvice { Kinds = "recommend", Action = "CCTA" });
        return form;
    }

    private static CorpusCaseStore Store(StoreKit kit) => new(Path.Combine(kit.Root, "tests", "corpus"), new RevisionLog(kit.Db));

    [Fact]
    public async Task A_new_case_is_written_as_corpus_YAML_with_one_revision()
    {
        await using var kit = await StoreKit.CreateAsync();
        var store = Store(kit);

        var result = await store.SaveAsync(null, NewCase(), "the review recommends CCTA before planning", StoreKit.Author);

        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message);
        var path = Path.Combine(kit.Root, "tests", "corpus", "site-new-case.yaml");
        var text = File.ReadAllText(path);
        text.Should().StartWith("schema: ctorules/corpus-case@1\n").And.Contain("    - { kind: recommend, action: CCTA }");
        CtoRules.Engine.Corpus.CorpusReader.ReadFile(path).IsValid.Should().BeTrue();
        var revision = (await kit.Db.RuleRevisions.ToListAsync()).Should().ContainSingle().Subject;
        (revision.RuleId, revision.Path, revision.Kind, revision.Author, revision.TextBefore, revision.TextAfter)
            .Should().Be(("corpus:site-new-case", "tests/corpus/site-new-case.yaml", RevisionKind.Create, "ann", "", text));
        Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.tmp").Should().BeEmpty("the write is a temporary file renamed over the target");
    }

    [Fact]
    public async Task An_edit_replaces_the_file_and_a_later_save_from_an_older_opening_is_refused_with_the_difference()
    {
        await using var kit = await StoreKit.CreateAsync();
        var store = Store(kit);
        (await store.SaveAsync(null, NewCase(), "new", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        var mine = store.Open("site-new-case")!;
        var theirs = store.Open("site-new-case")!;
        var theirForm = CorpusCaseForm.Load(theirs.Text, theirs.LogicalPath).Form;
        theirForm.Title = "Theirs";
        (await store.SaveAsync(theirs, theirForm, "their wording", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        var onDisk = File.ReadAllText(Path.Combine(kit.Root, "tests", "corpus", "site-new-case.yaml"));

        var myForm = CorpusCaseForm.Load(mine.Text, mine.LogicalPath).Form;
        myForm.Title = "Mine";
        var result = await store.SaveAsync(mine, myForm, "my wording", StoreKit.Author);

        result.Outcome.Should().Be(SaveOutcome.Conflict);
        result.CurrentText.Should().Be(onDisk);
        result.Difference.Should().Contain(r => r.OldText!.Contains("Theirs") && r.NewText!.Contains("Mine"));
        File.ReadAllText(Path.Combine(kit.Root, "tests", "corpus", "site-new-case.yaml")).Should().Be(onDisk);
        (await kit.Db.RuleRevisions.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task A_new_case_never_overwrites_an_existing_one()
    {
        await using var kit = await StoreKit.CreateAsync();
        var store = Store(kit);
        (await store.SaveAsync(null, NewCase(), "first", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        var before = File.ReadAllText(Path.Combine(kit.Root, "tests", "corpus", "site-new-case.yaml"));
        var other = NewCase();
        other.Title = "Another case with the same id";

        var result = await store.SaveAsync(null, other, "second", StoreKit.Author);

        result.Outcome.Should().Be(SaveOutcome.Conflict);
        result.Message.Should().Contain("exists already");
        File.ReadAllText(Path.Combine(kit.Root, "tests", "corpus", "site-new-case.yaml")).Should().Be(before);
    }

    [Fact]
    public async Task Saves_need_an_author_a_comment_a_file_name_id_and_a_valid_document()
    {
        await using var kit = await StoreKit.CreateAsync();
        var store = Store(kit);

        (await store.SaveAsync(null, NewCase(), "c", StoreKit.User("audrey", Roles.Auditor))).Outcome.Should().Be(SaveOutcome.Refused);
        (await store.SaveAsync(null, NewCase(), " ", StoreKit.Author)).Message.Should().Contain("comment is required");
        var escaping = await store.SaveAsync(null, NewCase("../escape"), "c", StoreKit.Author);
        escaping.Outcome.Should().Be(SaveOutcome.Invalid);
        escaping.Errors.Should().ContainSingle(e => e.Path == "case.id");
        var bad = NewCase();
        bad.Advice.Add(new ExpectedAdvice { Kinds = "recommend", Action = "KNUCKEL" });
        var invalid = await store.SaveAsync(null, bad, "c", StoreKit.Author);
        invalid.Outcome.Should().Be(SaveOutcome.Invalid);
        invalid.Errors.Should().Contain(e => e.Path == "expect.advice[1].action" && e.Message.Contains("KNUCKEL"));
        Directory.Exists(Path.Combine(kit.Root, "tests", "corpus")).Should().BeFalse("nothing was written");
        (await kit.Db.RuleRevisions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_unchanged_save_is_refused_and_a_renamed_id_is_refused()
    {
        await using var kit = await StoreKit.CreateAsync();
        var store = Store(kit);
        (await store.SaveAsync(null, NewCase(), "new", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        var opened = store.Open("site-new-case")!;
        var form = CorpusCaseForm.Load(opened.Text, opened.LogicalPath).Form;

        (await store.SaveAsync(opened, form, "same", StoreKit.Author)).Message.Should().Be("Nothing changed.");
        form.Case.Id = "renamed";
        (await store.SaveAsync(opened, form, "rename", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Refused);
        store.Open("renamed").Should().BeNull();
        store.Open("../site-new-case").Should().BeNull();
    }
}
