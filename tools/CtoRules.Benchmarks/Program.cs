using System.CommandLine;
using CtoRules.Benchmarks;

// ctorules-bench: the benchmark harness behind `ctorules bench`, the case generator and the
// BenchmarkDotNet micro benchmarks. See docs/performance.md.
var root = new RootCommand("CtoRules benchmarks: whole-system bench with baselines, case generator, micro benchmarks, scaling plot.")
{
    BenchCommand.Create(),
    GenerateCommand.Create(),
    WorkflowCommand.Create(),
    PlotCommand.Create(),
    MicroCommand.Create(),
    BatchSizesCommand.Create(),
};
try
{
    // Without the default handler, so that a BenchException reaches the catch below (one line, no stack trace).
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CtoRules.Benchmarks.Harness.BenchException e)
{
    Console.Error.WriteLine($"ctorules bench: {e.Message}");
    return 1;
}
