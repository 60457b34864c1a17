using System.CommandLine;
using System.CommandLine.Invocation;

namespace CtoRules.Cli;

/// <summary>
/// Runs the command line; turns any unexpected failure into a message, never a stack trace.
/// Exit codes (docs/cli.md): 0 ok, 1 a check failed, 2 invalid input, 64 usage error, 70 internal error.
/// </summary>
public static class CliHost
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;
    public const int Usage = 64;
    public const int InternalError = 70;

    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            var parse = root.Parse(args);
            // A usage error prints the error and a one-line hint, not the whole help.
            if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
            {
                foreach (var error in parse.Errors) Console.Error.WriteLine($"ctorules: {error.Message}");
                Console.Error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
                return Usage;
            }
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"ctorules: internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine("This is a bug in CtoRules; please report it with the command you ran.");
            return InternalError;
        }
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command is RootCommand ? "ctorules" : r.Command.Name);
        return string.Join(' ', names);
    }
}
