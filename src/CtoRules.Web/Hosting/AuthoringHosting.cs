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
}
