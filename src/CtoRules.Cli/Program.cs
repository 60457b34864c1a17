using System.CommandLine;
using CtoRules.Cli;
using CtoRules.Cli.Commands;

// The `ctorules` command: one sub-command per job, each in Commands/.
var root = new RootCommand("CtoRules: a versioned, explained knowledge base for PCI of heavily calcified chronic total occlusions.")
{
    ValidateCommand.Create(),
    EvaluateCommand.Create(),
    ExplainCommand.Create(),
    TestCommand.Create(),
    PublishCommand.Create(),
    VerifyCommand.Create(),
    DiffCommand.Create(),
    KeygenCommand.Create(),
    TraceCommand.Create(),
    BenchCommand.Create(),
    UserCommand.Create(),
    AuditCommand.Create(),
    ApiKeyCommand.Create(),
};
return CliHost.Run(root, args);
