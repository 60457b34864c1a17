using CtoRules.Authoring.Browsing;
using CtoRules.Authoring.Workspace;
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
    /// At start-up (after the database is ready): finishes or drops a rule save that a crash
    /// interrupted, so the rule files and their revisions agree (docs/reliability.md, "Crash safety").
    /// </summary>
    public static async Task RecoverInterruptedSavesAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var rule = await scope.ServiceProvider.GetRequiredService<RuleStore>().RecoverAsync();
        if (rule is not null) app.Logger.LogWarning("Recovered {Save}", rule);
        var corpus = await scope.ServiceProvider.GetRequiredService<CtoRules.Storage.Corpus.CorpusCaseStore>().RecoverAsync();
        if (corpus is not null) app.Logger.LogWarning("Recovered {Save}", corpus);
    }
}
