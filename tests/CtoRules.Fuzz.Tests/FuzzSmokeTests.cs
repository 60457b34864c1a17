using CtoRules.Fuzz.Fuzzing;
using CtoRules.Fuzz.Targets;

namespace CtoRules.Fuzz.Tests;

/// <summary>
/// Issue 15: a short, bounded fuzz run of every target in the test suite (the long runs are by
/// hand, tools/fuzz, recorded in docs/reliability.md). A fixed seed keeps the run repeatable;
/// the seed corpus runs first, so every committed seed (and crasher) is replayed each time.
/// </summary>
public sealed class FuzzSmokeTests
{
    public static TheoryData<string, int> Targets() => new()
    {
        { "condition", 4000 },
        { "case-json", 4000 },
        { "case-yaml", 2000 },
        { "cds-hooks", 1000 },
        { "rule-file", 400 },
        { "pack", 300 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_bounded_fuzz_run_finds_nothing(string name, int inputs)
    {
        var target = FuzzTargets.Find(name)!;
        var report = FuzzRunner.Run(target, FuzzTargets.SeedsOf(target), new FuzzOptions
        {
            Duration = TimeSpan.FromMinutes(10),
            MaxInputs = inputs,
            Seed = 15,
            HangBound = TimeSpan.FromSeconds(30),
            StopAtFirstFinding = true,
        });

        report.Findings.Should().BeEmpty(string.Join("\n\n", report.Findings));
        report.Inputs.Should().Be(inputs);
        report.Outcomes.Should().BeGreaterThan(1, "the inputs must reach more than one outcome");
    }

    [Fact]
    public void Every_target_has_a_committed_seed_corpus()
    {
        foreach (var target in FuzzTargets.All())
            RepoFiles.Seeds(target.Name).Should().NotBeEmpty(target.Name);
    }

    [Fact]
    public void The_runner_reports_an_exception_with_its_input()
    {
        var report = FuzzRunner.Run(new Throwing(), [[1], [2], [42]], new FuzzOptions { MaxInputs = 100, Seed = 1, StopAtFirstFinding = true });

        var finding = report.Findings.Should().ContainSingle().Subject;
        finding.Kind.Should().Be("exception");
        finding.Signature.Should().StartWith("FormatException in ");
        finding.Input.Should().Equal(42);
    }

    [Fact]
    public void The_runner_reports_an_input_that_allocates_without_bound()
    {
        var report = FuzzRunner.Run(new Allocating(), [[1]], new FuzzOptions { MaxInputs = 1, Seed = 1, MaxAllocatedBytesPerInput = 8 * 1024 * 1024 });

        report.Findings.Should().ContainSingle().Which.Kind.Should().Be("memory");
    }

    private sealed class Throwing : FuzzTarget
    {
        public override string Name => "throwing";
        public override string Description => "throws on the byte 42";
        public override string Run(byte[] input) => input.Contains((byte)42) ? throw new FormatException("42") : "ok";
    }

    private sealed class Allocating : FuzzTarget
    {
        public override string Name => "allocating";
        public override string Description => "allocates 64 MiB per input";
        public override string Run(byte[] input) => new byte[64 * 1024 * 1024].Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
