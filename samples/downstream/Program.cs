// A downstream app (cath-lab software, a registry) that evaluates cases with the rule set the
// EuroCTO experts published, and nothing else. See docs/downstream.md.
//
//   dotnet run --project samples/downstream -- [PACK] [PUBLIC-KEY] [CASE]
//       loads one pack, refuses it unless its digest matches and the publisher's key signed it,
//       and prints the advice with the pack's version and digest.
//   dotnet run --project samples/downstream -- watch FOLDER PUBLIC-KEY... [--case CASE] [--until VERSION]
//       keeps the newest pack of FOLDER in force without a restart: each pack published there is
//       verified against the keys, swapped in, and the case is evaluated again with it; a refused
//       pack is reported and the pack in force stays. Ends on Ctrl+C, or once VERSION is in force.
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Packs;
using CtoRules.Packs.Signing;
using CtoRules.Packs.Updating;

var root = FindRoot();
var defaultCase = Path.Combine(root, "samples", "downstream", "case.json");
return args.Length > 0 && args[0] == "watch" ? await WatchAsync(args[1..]) : LoadOnce(args);

int LoadOnce(string[] a)
{
    var packPath = a.Length > 0 ? a[0] : Path.Combine(root, "packs", "eurocto-calcified-cto-1.0.0.ctopack.json");
    var keyPath = a.Length > 1 ? a[1] : Path.Combine(root, "packs", "eurocto-calcified-cto.pub.pem");
    var casePath = a.Length > 2 ? a[2] : defaultCase;
    RulePack pack;
    try
    {
        // Require a valid signature by the publisher's key.
        pack = RulePack.Load(packPath, PackTrust.SignedBy(PackPublicKey.FromFile(keyPath)));
    }
    catch (PackException e)
    {
        // PackIntegrityException, PackSignatureException, UnsupportedPackFormatException or PackContentException.
        Console.Error.WriteLine($"refused: {e.GetType().Name}: {e.Message}");
        return 1;
    }
    if (ReadCase(casePath) is not { } @case) return 2;
    // The pack compiles once, on first use; Evaluate is thread-safe.
    var advice = pack.Evaluate(@case);
    Console.WriteLine($"pack {pack.Manifest.Id} {pack.Manifest.Version}, signed by {pack.SignatureVerifiedBy}");
    Print(advice);
    Console.WriteLine();
    Console.WriteLine(AdviceJson.Serialize(advice));
    return 0;
}

async Task<int> WatchAsync(string[] a)
{
    var positional = new List<string>();
    string casePath = defaultCase, until = "";
    for (var i = 0; i < a.Length; i++)
    {
        if (a[i] == "--case" && i + 1 < a.Length) casePath = a[++i];
        else if (a[i] == "--until" && i + 1 < a.Length) until = a[++i];
        else positional.Add(a[i]);
    }
    if (positional.Count < 2)
    {
        Console.Error.WriteLine("usage: watch FOLDER PUBLIC-KEY... [--case CASE] [--until VERSION]");
        return 2;
    }
    if (ReadCase(casePath) is not { } @case) return 2;

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    // The watcher verifies every pack against these keys only: pin them in the app.
    await using var watcher = new PackWatcher(PackSource.FromFolder(positional[0]), new PackWatcherOptions
    {
        TrustedKeys = [.. positional.Skip(1).Select(PackPublicKey.FromFile)],
        VersionPolicy = PackVersionPolicy.SameMajor(),
        Interval = TimeSpan.FromSeconds(30),
    });
    watcher.PackLoaded += (_, e) =>
    {
        Console.WriteLine($"{e.LoadedAt:HH:mm:ss} in force: {e.Pack.Manifest.Id} {e.Pack.Manifest.Version} {e.Pack.Digest}"
            + (e.Previous is { } p ? $" (was {p.Manifest.Version})" : ""));
        // Evaluations go through the watcher: each uses the pack in force when it starts.
        Print(watcher.Evaluate(@case));
        if (e.Pack.Manifest.Version == until) stop.Cancel();
    };
    watcher.PackRefused += (_, e) => Console.WriteLine($"{e.At:HH:mm:ss} refused: {e.Listing.Version} ({e.Reason}): {e.Message}; {watcher.Current?.Manifest.Version ?? "no pack"} stays in force");
    watcher.CheckFailed += (_, e) => Console.WriteLine($"{e.At:HH:mm:ss} check failed: {e.Exception.Message}");

    await watcher.StartAsync(stop.Token);
    Console.WriteLine($"watching {watcher.Source.Description} (policy: {watcher.Options.VersionPolicy}); publish a new version there, Ctrl+C to stop");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
    return watcher.Current is null ? 1 : 0;
}

static Case? ReadCase(string path)
{
    var read = CaseReader.ReadFile(path);
    if (read.IsValid) return read.Case!;
    foreach (var error in read.Errors) Console.Error.WriteLine($"{path}: {error.Path}: {error.Message}");
    return null;
}

static void Print(AdviceDocument advice)
{
    Console.WriteLine($"case {advice.CaseId}: ruleSet {advice.RuleSet.Id} {advice.RuleSet.Version} {advice.RuleSet.Digest}");
    foreach (var s in advice.Scores)
        Console.WriteLine($"  score  {s.Score,-15} {s.Points}/{s.MaxPoints} {s.Category ?? "(category undecided)"}");
    foreach (var item in advice.Advice)
        Console.WriteLine($"  {item.Kind,-9} {string.Join(", ", item.Actions),-40} {item.RuleId} v{item.RuleVersion}");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (Directory.Exists(Path.Combine(dir.FullName, "packs")) || File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
    return Environment.CurrentDirectory;
}
