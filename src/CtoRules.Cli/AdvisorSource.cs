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

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(Pack);
        command.Options.Add(Keys);
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
            var trust = VerifyCommand.TrustFrom(parse.GetValue(Keys), Console.Error);
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
        return new Advisor(set);
    }
}
