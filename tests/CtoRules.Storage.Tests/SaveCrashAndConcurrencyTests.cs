using CtoRules.Storage.Revisions;
using CtoRules.Storage.Rules;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage.Tests;

/// <summary>
/// Issue 15: a save killed between the rule file and its revision is finished or dropped at the
/// next start (the save journal), and two editors saving the same rule at once get one winner and
/// one conflict that keeps the loser's text.
/// </summary>
public class SaveCrashAndConcurrencyTests
{
    private const string RuleId = "crossing.cap.base";

    [Fact]
    public async Task A_save_leaves_no_journal_behind()
    {
        await using var kit = await StoreKit.CreateAsync();
        var opened = kit.Store.Open(RuleId)!;
        (await kit.Store.SaveAsync(opened, opened.Text.Replace("title: \"", "title: \"Saved: "), "journal", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        File.Exists(SaveJournal.For(kit.WorkingCopy).FilePath).Should().BeFalse();
        (await kit.Store.RecoverAsync()).Should().BeNull("nothing was interrupted");
    }

    [Fact]
    public async Task A_crash_after_the_file_was_written_gets_its_revision_at_the_next_start()
    {
        await using var kit = await StoreKit.CreateAsync();
        var (revision, path) = Interrupted(kit);
        File.WriteAllText(path, revision.TextAfter);

        var done = await NewStore(kit).RecoverAsync();

        done.Should().Contain(RuleId).And.Contain("its revision is now recorded");
        var recorded = (await kit.Db.RuleRevisions.AsNoTracking().ToListAsync()).Should().ContainSingle().Subject;
        (recorded.TextBefore, recorded.TextAfter, recorded.Comment, recorded.Author).Should().Be((revision.TextBefore, revision.TextAfter, "crash", "ann"));
        File.Exists(SaveJournal.For(kit.WorkingCopy).FilePath).Should().BeFalse();
        kit.WorkingCopy.Current.RuleSet.Find(RuleId)!.Title.Should().StartWith("Crashed: ", "the working copy is reloaded with the finished save");
    }

    [Fact]
    public async Task A_crash_before_the_file_was_written_saves_nothing()
    {
        await using var kit = await StoreKit.CreateAsync();
        var (revision, path) = Interrupted(kit);

        var done = await NewStore(kit).RecoverAsync();

        done.Should().Contain("nothing was saved");
        (await kit.Db.RuleRevisions.CountAsync()).Should().Be(0);
        File.ReadAllText(path).Should().Be(revision.TextBefore);
        File.Exists(SaveJournal.For(kit.WorkingCopy).FilePath).Should().BeFalse();
    }

    [Fact]
    public async Task A_crash_after_the_revision_was_recorded_does_not_record_it_twice()
    {
        await using var kit = await StoreKit.CreateAsync();
        var (revision, path) = Interrupted(kit);
        File.WriteAllText(path, revision.TextAfter);
        await new RevisionLog(kit.Db).AddAsync(revision);

        (await NewStore(kit).RecoverAsync()).Should().Contain("it had completed");
        (await kit.Db.RuleRevisions.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_rule_at_once_one_wins_the_other_gets_the_conflict_with_their_text()
    {
        await using var kit = await StoreKit.CreateAsync();
        // Two circuits: two stores, each with its own database context, on the host's one working copy.
        var stores = new[] { kit.Store, NewStore(kit) };
        for (var round = 0; round < 5; round++)
        {
            var opened = stores.Select(s => s.Open(RuleId)!).ToArray();
            var texts = new[] { $"Editor A round {round}: ", $"Editor B round {round}: " }.Select((t, i) => opened[i].Text.Replace("title: \"", "title: \"" + t)).ToArray();
            using var start = new ManualResetEventSlim();
            var saves = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await stores[i].SaveAsync(opened[i], texts[i], $"editor {i}", StoreKit.Author);
            })).ToArray();
            start.Set();
            var results = await Task.WhenAll(saves);

            results.Select(r => r.Outcome).Should().BeEquivalentTo([SaveOutcome.Saved, SaveOutcome.Conflict], $"round {round}: exactly one wins");
            var winner = Array.FindIndex(results, r => r.Outcome == SaveOutcome.Saved);
            var loser = 1 - winner;
            var onDisk = File.ReadAllText(kit.FileOf(RuleId));
            onDisk.Should().Be(results[winner].SavedText);
            results[loser].CurrentText.Should().Be(onDisk, "the loser sees what is saved now");
            results[loser].Difference.Should().Contain(r => r.NewText != null && r.NewText.Contains(loser == 0 ? "Editor A" : "Editor B"), "the loser's own text is kept in the difference");
        }
        (await kit.Db.RuleRevisions.CountAsync()).Should().Be(5, "one revision per round, the winner's");
    }

    [Fact]
    public async Task A_corpus_case_save_killed_after_its_file_gets_its_revision_at_the_next_start()
    {
        await using var kit = await StoreKit.CreateAsync();
        var corpus = Path.Combine(kit.Root, "tests", "corpus");
        var file = Path.Combine(corpus, "bound-cross-ct-bend.yaml");
        Directory.CreateDirectory(corpus);
        File.Copy(CorpusSource("bound-cross-ct-bend.yaml"), file);
        var before = File.ReadAllText(file);
        var revision = new RuleRevision
        {
            RuleId = "corpus:bound-cross-ct-bend", Path = "tests/corpus/bound-cross-ct-bend.yaml", Author = "ann", SavedAt = DateTimeOffset.UtcNow,
            Comment = "crash", Kind = RevisionKind.Edit, TextBefore = before, TextAfter = before + "# edited before the crash\n",
        };
        SaveJournal.ForCorpus(corpus).Begin(revision);
        File.WriteAllText(file, revision.TextAfter);

        var done = await new CtoRules.Storage.Corpus.CorpusCaseStore(corpus, new RevisionLog(kit.Db)).RecoverAsync();

        done.Should().StartWith("corpus-case save:").And.Contain("its revision is now recorded");
        (await kit.Db.RuleRevisions.AsNoTracking().SingleAsync()).TextAfter.Should().Be(revision.TextAfter);
        File.Exists(Path.Combine(corpus, SaveJournal.CorpusFileName)).Should().BeFalse();
    }

    private static string CorpusSource(string name) =>
        Path.Combine(CtoRules.Storage.RepositoryRoot.Find(AppContext.BaseDirectory)!, "tests", "corpus", name);

    private static RuleStore NewStore(StoreKit kit) => new(kit.WorkingCopy, new RevisionLog(AuthoringDatabase.Create(kit.Settings)));

    // The journal a save writes before touching the file, as a crash would leave it.
    private static (RuleRevision Revision, string Path) Interrupted(StoreKit kit)
    {
        var opened = kit.Store.Open(RuleId)!;
        var revision = new RuleRevision
        {
            RuleId = RuleId, Path = opened.LogicalPath, Author = "ann", SavedAt = DateTimeOffset.UtcNow, Comment = "crash", Kind = RevisionKind.Edit,
            TextBefore = opened.Text, TextAfter = opened.Text.Replace("title: \"", "title: \"Crashed: "),
        };
        SaveJournal.For(kit.WorkingCopy).Begin(revision);
        return (revision, kit.FileOf(RuleId));
    }
}
