using System.CommandLine;

namespace CtoRules.Cli;

/// <summary>Runs the command line; turns any unexpected failure into a message, never a stack trace.</summary>
public static class CliHost
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;
    public const int InternalError = 70;

    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"ctorules: internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine("This is a bug in CtoRules; please report it with the command you ran.");
            return InternalError;
        }
    }
}
