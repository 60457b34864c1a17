using CtoRules.Authoring.Advising;

namespace CtoRules.Web.Hosting;

/// <summary>The advisor page's services: the rule sets it evaluates with (working copy and verified packs).</summary>
public static class AdvisorHosting
{
    public static WebApplicationBuilder AddAdvisor(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RuleSources>();
        builder.Services.AddSingleton<CtoRules.Web.Advising.AuditedAdvisor>();
        return builder;
    }
}
