using System.CommandLine;
using CtoRules.Cli.Commands;
using CtoRules.Engine;

namespace CtoRules.Cli;

/// <summary>
/// The options that say which rules a command evaluates with (<c>--rules</c> or a verified
/// <c>--pack</c>), shared by <c>evaluate</c> and <c>explain</c>.
/// </summary>
public sealed class AdvisorSource
{
    public Option<string?> Rules { get; } = new("--rules") { Description = "The rules folder (default: the nearest rules/)" };
    public Option<string?> Pack { get; } = new("--pack") { Description = "Use a published pack (.ctopack.json) instead of a rules folder: replays its exact rules" };
    public Option<string[]> Keys { get; } = new("--public-key") { Description = "With --pack: require a signature by one of these public keys" };
    public Option<bool> TrustUnsigned { get; } = new("--trust-unsigned") { Description = "With --pack and no --public-key: use the pack although its signature is not verified" };

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(Pack);
        command.Options.Add(Keys);
        command.Options.Add(TrustUnsigned);
    }

    /// <summary>The advisor, or null after printing why not; <paramref name="exit"/> is then the exit code.</summary>
    public Advisor? Resolve(ParseResult parse, out int exit)
    {
        exit = CliHost.Ok;
        if (parse.GetValue(Pack) is { } packFile)
        {
            if (parse.GetValue(Rules) is not null)
            {
                Console.Error.WriteLine("ctorules: give --pack or --rules, not both");
                exit = CliHost.InvalidInput;
                return null;
            }
            var publicKeys = parse.GetValue(Keys);
            // Secure by default: a pack whose signature is not verified is not used unless asked.
            if ((publicKeys is null || publicKeys.Length == 0) && !parse.GetValue(TrustUnsigned))
            {
                Console.Error.WriteLine("ctorules: the pack's signature would not be verified; give --public-key KEY.pub.pem to verify it, or --trust-unsigned to use it anyway");
                exit = CliHost.Failed;
                return null;
            }
            var trust = VerifyCommand.TrustFrom(publicKeys, Console.Error);
            if (trust is null)
            {
                exit = CliHost.InvalidInput;
                return null;
            }
            try
            {
                return Packs.RulePack.Load(packFile, trust).Advisor;
            }
            catch (Packs.PackException e)
            {
                Console.Error.WriteLine($"ctorules: {VerifyCommand.Kind(e)}: {e.Message}");
                exit = CliHost.Failed;
                return null;
            }
        }
        var set = RulesLocator.Load(parse.GetValue(Rules), Console.Error);
        if (set is null)
        {
            exit = CliHost.Failed;
            return null;
        }
        // A working copy identical to a published pack says it is that version (issue 8, point 9).
        var packs = Path.Combine(RulesLocator.Resolve(parse.GetValue(Rules)), "..", "packs");
        return new Advisor(Packs.PublishedMatch.Apply(set, packs));
    }
}
