using System.Globalization;
using CtoRules.Fuzz.Fuzzing;
using CtoRules.Fuzz.Targets;

// tools/fuzz TARGET MINUTES [--seed N] [--max-inputs N] [--out DIR]: fuzzes one reader of untrusted
// text and prints the inputs run and the findings (docs/reliability.md, "Fuzzing"). Exit 0 when
// nothing was found, 1 with findings, 64 on a usage error.
const string Usage = "usage: tools/fuzz TARGET MINUTES [--seed N] [--max-inputs N] [--out DIR]\n       tools/fuzz TARGET --replay FILE...\ntargets: ";
var targets = FuzzTargets.All();
if (args.Length >= 3 && args[1] == "--replay" && FuzzTargets.Find(args[0]) is { } replayed)
{
    // Runs saved inputs (findings, seeds) one by one: the outcome or the exception, and the time.
    var failed = 0;
    foreach (var file in args.Skip(2))
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try { Console.WriteLine($"{file}: {replayed.Run(File.ReadAllBytes(file))} ({clock.Elapsed.TotalMilliseconds:0} ms)"); }
        catch (Exception e) { failed++; Console.WriteLine($"{file}: {e}"); }
    }
    return failed == 0 ? 0 : 1;
}
if (args.Length < 2 || FuzzTargets.Find(args[0]) is not { } target
    || !double.TryParse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || minutes <= 0)
{
    Console.Error.WriteLine(Usage + string.Join(", ", targets.Select(t => t.Name)));
    foreach (var t in targets) Console.Error.WriteLine($"  {t.Name,-10} {t.Description}");
    return 64;
}
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var seed = Option("--seed") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : Environment.TickCount;
var maxInputs = Option("--max-inputs") is { } m ? long.Parse(m, CultureInfo.InvariantCulture) : long.MaxValue;
var outDir = Path.GetFullPath(Option("--out") ?? Path.Combine(Path.GetTempPath(), "ctorules-fuzz", target.Name));
Directory.CreateDirectory(outDir);
var currentFile = Path.Combine(outDir, "current-input");
if (File.Exists(currentFile) && new FileInfo(currentFile).Length > 0)
    Console.Error.WriteLine($"note: {currentFile} is left from a run that died (a stack overflow?); it is the input that was running: keep it as a crasher");

var seeds = FuzzTargets.SeedsOf(target);
Console.Error.WriteLine($"fuzzing {target.Name} ({target.Description}) for {minutes} min, seed {seed}, {seeds.Count} seed input(s); findings go to {outDir}");
var report = FuzzRunner.Run(target, seeds, new FuzzOptions
{
    Duration = TimeSpan.FromMinutes(minutes),
    MaxInputs = maxInputs,
    Seed = seed,
    CurrentInputFile = currentFile,
    Progress = Progress(),
});
File.Delete(currentFile); // the run ended normally: no input killed it
foreach (var (f, i) in report.Findings.Select((f, i) => (f, i)))
{
    var file = Path.Combine(outDir, $"{f.Kind}-{i + 1}.bin");
    File.WriteAllBytes(file, f.Input);
    Console.WriteLine($"FINDING {f.Kind}: {f.Signature} (input {file}, {f.Input.Length} bytes)");
    Console.WriteLine("  " + f.Detail.Replace("\n", "\n  "));
}
Console.WriteLine(report);
return report.Findings.Count == 0 ? 0 : 1;

static Action<long, int> Progress()
{
    var last = DateTime.UtcNow;
    return (inputs, findings) =>
    {
        if (DateTime.UtcNow - last < TimeSpan.FromSeconds(30)) return;
        last = DateTime.UtcNow;
        Console.Error.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {inputs} inputs, {findings} finding(s)");
    };
}
