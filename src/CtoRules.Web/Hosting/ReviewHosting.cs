using CtoRules.Authoring.Corpus;
using CtoRules.Reviews.Storage;
using CtoRules.Reviews.Workflow;
using CtoRules.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Web.Hosting;

/// <summary>
/// Corpus runs, the mutation check, diff, four-eyes review and publish: the corpus service (one per
/// host, so a run outlives the page that started it), the review store on the site's database
/// (its own migrations history table) and the workspace with the signing key path from
/// <c>Review:SigningKeyPath</c> (configuration only; never in the repository, never shown).
/// </summary>
public static class ReviewHosting
{
    public static WebApplicationBuilder AddReview(this WebApplicationBuilder builder)
    {
        var settings = StorageSettings.From(builder.Configuration);
        var root = Path.GetDirectoryName(Path.GetFullPath(settings.RulesDirectory))!;
        var corpus = builder.Configuration["corpus"] is { Length: > 0 } c ? Path.GetFullPath(c) : Path.Combine(root, "tests", "corpus");
        var references = Path.Combine(root, "references");
        var workspace = new ReviewWorkspace(settings.RulesDirectory, corpus, settings.PacksDirectory, builder.Configuration["Review:SigningKeyPath"])
        {
            ReferencesDirectory = Directory.Exists(references) ? references : null,
            PauseBeforePackRename = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Review:TestPauseBeforePackRenameMs", 0)),
            PauseAfterPackWritten = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Review:TestPauseAfterPackWrittenMs", 0)),
        };
        builder.Services.AddSingleton(workspace);
        builder.Services.AddSingleton(new CorpusRunService(settings.RulesDirectory, corpus, workspace.ReferencesDirectory));
        builder.Services.AddScoped(_ => ReviewStore.Open(settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", settings.ConnectionString));
        builder.Services.AddScoped(sp => new ReviewWorkflow(sp.GetRequiredService<ReviewDbContext>(), workspace));
        return builder;
    }

    /// <summary>Applies the review migrations (after the site's database folder exists).</summary>
    public static async Task PrepareReviewDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReviewDbContext>().Database.MigrateAsync();
    }
}
