using CtoRules.Authoring.CorpusCases;
using CtoRules.Reviews.Workflow;
using CtoRules.Storage.Corpus;
using CtoRules.Storage.Revisions;

namespace CtoRules.Web.Hosting;

/// <summary>
/// Writing corpus cases in the site: the store over the corpus folder the corpus runs use (per
/// circuit, like the rule store, since it records revisions in the site's database) and the
/// drafts the advisor hands to the corpus-case form (one per host).
/// </summary>
public static class CorpusCaseHosting
{
    public static WebApplicationBuilder AddCorpusCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => new CorpusCaseDrafts());
        builder.Services.AddScoped(sp => new CorpusCaseStore(sp.GetRequiredService<ReviewWorkspace>().CorpusDirectory, sp.GetRequiredService<RevisionLog>()));
        return builder;
    }
}
