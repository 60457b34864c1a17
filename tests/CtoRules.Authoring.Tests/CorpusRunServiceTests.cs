using CtoRules.Authoring.Corpus;

namespace CtoRules.Authoring.Tests;

public class CorpusRunServiceTests
{
    [Fact]
    public async Task A_run_reports_progress_per_case_keeps_its_results_and_refuses_a_second_run_meanwhile()
    {
        var kb = new TestKb();
        var service = new CorpusRunService(kb.Rules, kb.Corpus);
        var seen = new List<int>();
        service.Changed += s => { lock (seen) seen.Add(s.Done); };

        service.StartRun().Should().BeTrue();
        var second = service.StartRun();
        await service.Completion;

        var state = service.State;
        state.Running.Should().BeFalse();
        state.Total.Should().Be(4);
        state.Done.Should().Be(4);
        state.Report!.Passed.Should().Be(4);
        state.Clauses!.Clauses.Should().NotBeEmpty();
        lock (seen) seen.Should().Contain([1, 2, 3, 4], "progress advances case by case");
        if (second) state.Report.Should().NotBeNull("a second start is only accepted after the first finished");

        service.StartMutations().Should().BeTrue();
        await service.Completion;
        service.State.Mutations!.Results.Should().NotBeEmpty();
        service.State.Report.Should().BeSameAs(state.Report, "the corpus results are kept while the mutation check runs");
    }

    [Fact]
    public async Task A_working_copy_with_errors_is_reported_not_run()
    {
        var kb = new TestKb();
        kb.Edit("rules/crossing/knuckle.md", "lesion.lengthMm >= 20", "lesion.lenghtMm >= 20");
        var service = new CorpusRunService(kb.Rules, kb.Corpus);
        service.StartRun().Should().BeTrue();
        await service.Completion;
        service.State.Error.Should().Contain("error");
        service.State.Report.Should().BeNull();
    }
}
