namespace CtoRules.Benchmarks.Harness;

/// <summary>What <c>ctorules bench</c> measures and how much.</summary>
public sealed record BenchOptions
{
    public string RulesDirectory { get; init; } = "rules";
    public int Cases { get; init; } = 20_000;
    public int Seed { get; init; } = 42;

    /// <summary>1, or 0 for every core.</summary>
    public int Threads { get; init; }

    public string Format { get; init; } = "text";

    /// <summary>Cases streamed for the peak working set.</summary>
    public int StreamCases { get; init; } = 100_000;

    /// <summary>Run the two baselines beside CtoRules.</summary>
    public bool Baselines { get; init; } = true;

    /// <summary>Rule-set copies for the scaling run (empty: no scaling run).</summary>
    public IReadOnlyList<int> Scaling { get; init; } = [];

    /// <summary>Cases per engine and factor in the scaling run.</summary>
    public int ScalingCases { get; init; } = 4_000;

    /// <summary>An engine whose scaling factor took longer than this is not run at larger factors.</summary>
    public double ScalingSecondsLimit { get; init; } = 60;

    /// <summary>Minimum seconds of each throughput measurement.</summary>
    public double MinSeconds { get; init; } = 1.5;

    /// <summary>Interleaved rounds (each engine once per round, rotating order); at least 3.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Cases each engine evaluates per interleaved round.</summary>
    public int RoundCases { get; init; } = 4_000;

    /// <summary>Generated cases of the behavioural-diff figure (0: not measured).</summary>
    public int DiffCases { get; init; } = 20_000;

    /// <summary>The corpus for the corpus-run figure (default: tests/corpus beside the rules folder).</summary>
    public string? CorpusDirectory { get; init; }

    /// <summary>Also run tools/http-bench.sh (a started host, wrk, audit on) for the HTTP goal.</summary>
    public bool Http { get; init; }

    /// <summary>The paced rate of the HTTP run, req/s.</summary>
    public int HttpRate { get; init; } = 500;

    /// <summary>Seconds of the paced HTTP run.</summary>
    public int HttpSeconds { get; init; } = 30;

    public static BenchOptions Default { get; } = new();
}
