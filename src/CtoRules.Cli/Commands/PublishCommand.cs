using System.CommandLine;
using System.Globalization;
using CtoRules.Authoring.Publishing;
using CtoRules.Authoring.Versioning;
using CtoRules.Cli.Rendering;
using CtoRules.Packs.Signing;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules publish [--version X.Y.Z] [--key FILE] [--force REASON]</c>: writes
/// <c>packs/&lt;id&gt;-&lt;version&gt;.ctopack.json</c>, or refuses with every reason (exit 1).
/// </summary>
public static class PublishCommand
{
    /// <summary>Test hook: milliseconds to pause after the temporary file is written, before the rename.</summary>
    public const string DelayVariable = "CTORULES_TEST_PUBLISH_DELAY_MS";

    public static Command Create()
    {
        var version = new Option<string?>("--version") { Description = "The version to publish; must be the one rules/ruleset.yaml says, with a changelog entry (default: that version)" };
        var key = new Option<string?>("--key") { Description = "A P-256 private key PEM to sign the pack with (ctorules keygen makes one)" };
        var force = new Option<string?>("--force") { Description = "Publish a version below the suggested bump, for this reason (recorded in the manifest)" };
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var corpus = new Option<string?>("--corpus") { Description = "The corpus folder (default: tests/corpus beside the rules)" };
        var packs = new Option<string?>("--packs") { Description = "The packs folder (default: packs/ beside the rules)" };
        var command = new Command("publish", "Publish the rule set as an immutable, digested and optionally signed pack, after validation and the corpus pass")
            { version, key, force, rules, corpus, packs };
        command.SetAction(parse =>
        {
            var rulesDir = RulesLocator.Resolve(parse.GetValue(rules));
            var root = Path.GetDirectoryName(Path.GetFullPath(rulesDir).TrimEnd('/', '\\'))!;
            System.Security.Cryptography.ECDsa? signingKey = null;
            if (parse.GetValue(key) is { } keyFile)
            {
                try
                {
                    signingKey = PackKeys.ImportPrivatePem(File.ReadAllText(keyFile));
                }
                catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"ctorules: publish refused: cannot use the key {keyFile}: {e.Message}");
                    return CliHost.InvalidInput;
                }
            }
            var options = new PublishOptions
            {
                RulesDirectory = rulesDir,
                CorpusDirectory = parse.GetValue(corpus) ?? Path.Combine(root, "tests", "corpus"),
                PacksDirectory = parse.GetValue(packs) ?? PackCatalog.DefaultDirectory(rulesDir),
                Version = parse.GetValue(version),
                SigningKey = signingKey,
                ForceReason = parse.GetValue(force),
                BeforeCommit = TestDelay(),
            };
            using (signingKey)
                return Print(TerminalProgress.Status("Publishing (validate, corpus, sign)", () => PackPublisher.Publish(options)), Console.Out, Console.Error);
        });
        return command;
    }

    private static Action<string>? TestDelay()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(DelayVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return null;
        return temp =>
        {
            Console.Error.WriteLine($"ctorules: {DelayVariable}: pausing {ms} ms before renaming {RulesLocatorDisplay(temp)}");
            Thread.Sleep(ms);
        };
    }

    private static string RulesLocatorDisplay(string path) => Language.Rules.RuleSetReader.Display(path);

    public static int Print(PublishResult result, TextWriter o, TextWriter e)
    {
        if (!result.Published)
        {
            foreach (var d in result.Diagnostics) e.WriteLine(d);
            if (result.Corpus is { } report)
                foreach (var r in report.Results.Where(r => !r.Passed))
                {
                    e.WriteLine($"{(r.IsError ? "ERROR" : "FAIL ")} {r.Case.File}: {r.Case.Title}");
                    foreach (var f in r.Failures) e.WriteLine($"      {f}");
                    foreach (var err in r.Case.Errors) e.WriteLine($"      {err.Path}: {err.Message}");
                }
            e.WriteLine("ctorules: publish refused:");
            foreach (var r in result.Refusals) e.WriteLine($"  - {r}");
            return CliHost.Failed;
        }
        var c = result.Content!;
        var m = c.Manifest;
        o.WriteLine($"published {m.Id} {m.Version}: {RulesLocatorDisplay(result.PackPath!)}");
        o.WriteLine($"  {m.RuleCount} rules, {c.Scores.Length} scores, {c.References.Keys.Length} cited references; corpus {result.Corpus!.Passed} of {result.Corpus.Results.Length} cases passed");
        o.WriteLine($"  created   {m.Created:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        o.WriteLine($"  digest    {result.Digest}");
        o.WriteLine(result.SignatureKeyId is { } k ? $"  signature {Packs.PackFormat.SignatureAlgorithm}, key {k}" : "  signature none (unsigned; give --key to sign)");
        if (result.Diff is { } diff)
            o.WriteLine($"  changes   {diff.Suggestion.Bump.Name()} bump suggested since {diff.Before.Version}{(m.Forced is { } f ? $"; forced below it: {f.Reason}" : "")}");
        return CliHost.Ok;
    }
}
