using Spectre.Console;

namespace CtoRules.Cli.Rendering;

/// <summary>
/// Progress of long runs (corpus, mutation check, publish) drawn with Spectre.Console on standard
/// error, and only when standard error is a terminal: redirected output, pipes and CI logs never
/// see it (issue 8, point 20). Standard output, the report, is never touched.
/// </summary>
public static class TerminalProgress
{
    /// <summary>True when progress would be drawn: standard error is a terminal.</summary>
    public static bool Enabled => !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with a progress bar; the callback is null when progress is off.</summary>
    public static T Run<T>(string description, Func<IProgress<(int Done, int Total)>?, T> work)
    {
        if (!Enabled) return work(null);
        return StdErr().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description);
                return work(new TaskProgress(task));
            });
    }

    /// <summary>Runs <paramref name="work"/> under a spinner (a step whose length is not known).</summary>
    public static T Status<T>(string description, Func<T> work) =>
        Enabled ? StdErr().Status().Start(description, _ => work()) : work();

    // The caller has checked that standard error is a terminal, so interaction is on; colour and
    // cursor movement follow what the terminal supports.
    private static IAnsiConsole StdErr() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = AnsiSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });

    // Set on the calling thread, not posted like System.Progress<T>: the bar is current when the work ends.
    private sealed class TaskProgress(ProgressTask task) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }
    }
}
