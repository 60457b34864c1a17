using System.Collections.Immutable;
using System.Diagnostics;
using CtoRules.Authoring.Mutations;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Corpus;

/// <summary>
/// Runs the corpus (or the mutation check) against the working copy in the background, one run at
/// a time, and keeps the progress and the last results. A host keeps one instance, so a run
/// continues when the page that started it is left and can be watched again from any page.
/// </summary>
public sealed class CorpusRunService(string rulesDirectory, string corpusDirectory, string? referencesDirectory = null)
{
    private readonly Lock _gate = new();
    private CorpusRunState _state = CorpusRunState.Idle;

    public string CorpusDirectory => corpusDirectory;

    /// <summary>Raised (on the worker thread) after every case or mutant and at the end.</summary>
    public event Action<CorpusRunState>? Changed;

    public CorpusRunState State
    {
        get { lock (_gate) return _state; }
    }

    /// <summary>Starts a corpus run; false when a run is already going.</summary>
    public bool StartRun() => Start("corpus run", RunCorpus);

    /// <summary>Starts the mutation check; false when a run is already going.</summary>
    public bool StartMutations() => Start("mutation check", RunMutations);

    /// <summary>Waits for the current run (tests and the CLI-like callers).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    private bool Start(string activity, Action work)
    {
        lock (_gate)
        {
            if (_state.Running) return false;
            _state = _state with { Running = true, Activity = activity, Done = 0, Total = 0, Error = null };
            Completion = Task.Run(() =>
            {
                try
                {
                    work();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    Update(s => s with { Error = $"the {activity} stopped: {e.Message}" });
                }
                finally
                {
                    Update(s => s with { Running = false });
                }
            });
            return true;
        }
    }

    private (RuleSet? Set, ImmutableArray<CorpusCase> Cases) Load()
    {
        var load = RuleSetReader.LoadDirectory(rulesDirectory, referencesDirectory);
        if (load.RuleSet is null)
        {
            Update(s => s with { Error = $"the working copy has {load.Diagnostics.Count(d => d.IsError)} error(s); fix them first" });
            return (null, []);
        }
        return (load.RuleSet, Directory.Exists(corpusDirectory) ? CorpusReader.ReadDirectory(corpusDirectory) : []);
    }

    private void RunCorpus()
    {
        var (set, cases) = Load();
        if (set is null) return;
        var watch = Stopwatch.StartNew();
        Update(s => s with { Total = cases.Length });
        var compiled = RuleSetCompiler.GetOrCompile(set);
        var results = ImmutableArray.CreateBuilder<CorpusCaseResult>(cases.Length);
        foreach (var c in cases)
        {
            results.Add(CorpusRunner.RunOne(compiled, c));
            var done = results.Count;
            Update(s => s with { Done = done });
        }
        // Coverage is computed over the results already produced (no second evaluation).
        var report = CorpusRunner.Report(compiled, results.MoveToImmutable());
        Update(s => s with { Report = report, Clauses = ClauseCoverageReport.Compute(set, report), RunTime = watch.Elapsed });
    }

    private void RunMutations()
    {
        var (set, cases) = Load();
        if (set is null) return;
        var report = MutationRunner.Run(set, cases, new Progress(this));
        Update(s => s with { Mutations = report });
    }

    private void Update(Func<CorpusRunState, CorpusRunState> change)
    {
        CorpusRunState now;
        lock (_gate) now = _state = change(_state);
        Changed?.Invoke(now);
    }

    // Synchronous progress: System.Progress<T> would post to a captured context that may be gone.
    private sealed class Progress(CorpusRunService service) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => service.Update(s => s with { Done = value.Done, Total = value.Total });
    }
}
