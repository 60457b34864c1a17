using CtoRules.Authoring.Browsing;
using CtoRules.Authoring.Workspace;
using CtoRules.Authoring.Files;
using CtoRules.Reviews.Workflow;
using CtoRules.Storage;
using CtoRules.Storage.Corpus;
using CtoRules.Storage.Rules;

namespace CtoRules.Web.Hosting;

/// <summary>The rule pages' services: the corpus coverage (tests/corpus beside the rules) and the rule store that saves edits.</summary>
public static class AuthoringHosting
{
    public static WebApplicationBuilder AddRulePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
            new CorpusCoverage(Path.Combine(sp.GetRequiredService<WorkingCopy>().Root, "tests", "corpus")));
        builder.Services.AddScoped<RuleStore>();
        return builder;
    }

    /// <summary>
    /// At start-up (after the databases are ready): finishes or drops a rule save, a corpus-case save
    /// and a publish that a crash interrupted, so files, revisions and submissions agree, then removes
    /// the temporary files interrupted atomic writes left in the folders the host writes
    /// (docs/reliability.md, "Crash safety"). Each is logged: what was recovered as a warning, each
    /// removed file (its name, never its content) at Information level.
    /// </summary>
    public const string RecoveryLogCategory = "CtoRules.Web.Recovery";

    public static async Task RecoverInterruptedWritesAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        // Its own category, at Information in appsettings.json (the default is Warning), so each removed file is logged.
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RecoveryLogCategory);
        var rule = await scope.ServiceProvider.GetRequiredService<RuleStore>().RecoverAsync();
        if (rule is not null) log.LogWarning("Recovered {Save}", rule);
        var corpus = await scope.ServiceProvider.GetRequiredService<CorpusCaseStore>().RecoverAsync();
        if (corpus is not null) log.LogWarning("Recovered {Save}", corpus);
        var publish = await scope.ServiceProvider.GetRequiredService<ReviewWorkflow>().RecoverInterruptedPublishAsync();
        if (publish is not null) log.LogWarning("Recovered {Publish}", publish);

        var workingCopy = scope.ServiceProvider.GetRequiredService<WorkingCopy>();
        var review = scope.ServiceProvider.GetRequiredService<ReviewWorkspace>();
        var settings = StorageSettings.From(app.Configuration);
        (string Folder, bool Recursive)[] written =
        [
            (workingCopy.Root, false), (workingCopy.RulesDirectory, true), (review.CorpusDirectory, true), (review.PacksDirectory, false),
            (settings.DataDirectory, false), (scope.ServiceProvider.GetRequiredService<CheckpointScheduleOptions>().Folder, false),
        ];
        foreach (var file in written.DistinctBy(w => w.Folder).SelectMany(w => LeftoverTempFiles.Remove(w.Folder, w.Recursive)))
            log.LogInformation("Removed {File}, the temporary file of a write that was interrupted before its rename", file);
    }
}
