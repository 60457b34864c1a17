// A downstream app (cath-lab software, a registry) that evaluates a case with the rule set the
// EuroCTO experts published, and nothing else: it loads the pack, refuses it unless its digest
// matches and the publisher's key signed it, and prints the advice with the pack's version and
// digest. See docs/downstream.md.
//
//   dotnet run --project samples/downstream -- [PACK] [PUBLIC-KEY] [CASE]
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

var root = FindRoot();
var packPath = args.Length > 0 ? args[0] : Path.Combine(root, "packs", "eurocto-calcified-cto-1.0.0.ctopack.json");
var keyPath = args.Length > 1 ? args[1] : Path.Combine(root, "packs", "eurocto-calcified-cto.pub.pem");
var casePath = args.Length > 2 ? args[2] : Path.Combine(root, "samples", "downstream", "case.json");

RulePack pack;
try
{
    // Require a valid signature by the publisher's key; PackTrust.DigestOnly would check integrity only.
    pack = RulePack.Load(packPath, PackTrust.SignedBy(PackPublicKey.FromFile(keyPath)));
}
catch (PackException e)
{
    // PackIntegrityException, PackSignatureException or UnsupportedPackFormatException.
    Console.Error.WriteLine($"refused: {e.GetType().Name}: {e.Message}");
    return 1;
}

var read = CaseReader.ReadFile(casePath);
if (!read.IsValid)
{
    foreach (var error in read.Errors) Console.Error.WriteLine($"{casePath}: {error.Path}: {error.Message}");
    return 2;
}

// The pack compiles once, on first use; Evaluate is thread-safe.
var advice = pack.Evaluate(read.Case!);
Console.WriteLine($"pack {pack.Manifest.Id} {pack.Manifest.Version}, signed by {pack.SignatureVerifiedBy}");
Console.WriteLine($"case {advice.CaseId}: ruleSet {advice.RuleSet.Id} {advice.RuleSet.Version} {advice.RuleSet.Digest}");
foreach (var s in advice.Scores)
    Console.WriteLine($"  score  {s.Score,-15} {s.Points}/{s.MaxPoints} {s.Category ?? "(category undecided)"}");
foreach (var a in advice.Advice)
    Console.WriteLine($"  {a.Kind,-9} {string.Join(", ", a.Actions),-40} {a.RuleId} v{a.RuleVersion}");
Console.WriteLine();
Console.WriteLine(AdviceJson.Serialize(advice));
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (Directory.Exists(Path.Combine(dir.FullName, "packs")) || File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
    return Environment.CurrentDirectory;
}
