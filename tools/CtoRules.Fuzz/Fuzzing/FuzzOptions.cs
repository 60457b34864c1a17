namespace CtoRules.Fuzz.Fuzzing;

/// <summary>Bounds of a fuzz run.</summary>
public sealed record FuzzOptions
{
    /// <summary>Stop after this long (the time bound of <c>tools/fuzz TARGET MINUTES</c>).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Stop after this many inputs (the bounded runs in the test suite).</summary>
    public long MaxInputs { get; init; } = long.MaxValue;

    /// <summary>One input using more CPU time than this is a hang (the seeds, run first to warm up lazies, the JIT and libraries, are exempt).</summary>
    public TimeSpan HangBound { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One input allocating more than this is a memory blow-up (inputs are at most a few MiB).</summary>
    public long MaxAllocatedBytesPerInput { get; init; } = 512L * 1024 * 1024;

    /// <summary>Inputs are cut to this size after mutation.</summary>
    public int MaxInputBytes { get; init; } = 64 * 1024;

    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>Stop at the first finding (tests), or keep going and collect distinct ones (long runs).</summary>
    public bool StopAtFirstFinding { get; init; }

    /// <summary>When set, each input is written here before it runs, so a stack overflow that kills the process leaves it behind.</summary>
    public string? CurrentInputFile { get; init; }

    /// <summary>Called about once a second with the inputs run so far.</summary>
    public Action<long, int>? Progress { get; init; }
}
