using CtoRules.Authoring.Workspace;
using CtoRules.Engine;
using CtoRules.Language.Rules;
using CtoRules.Storage;

namespace CtoRules.Web.Hosting;

/// <summary>One extension method per concern of the host, called in order from Program.cs.</summary>
public static class HostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Listens on loopback unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
    public static WebApplicationBuilder BindToLoopbackByDefault(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    /// <summary>
    /// Loads the working copy (<c>--rules</c>, default: <c>rules/</c> of the repository root found
    /// from the current folder or the app's folder). A rule set with errors stops the host with the
    /// diagnostics: serving advice from a broken knowledge base is worse than not serving. The
    /// <see cref="RuleSet"/> and <see cref="Advisor"/> are resolved per request from the working
    /// copy, so a save in the site is evaluated at once.
    /// </summary>
    public static WebApplicationBuilder AddRuleSet(this WebApplicationBuilder builder)
    {
        var settings = StorageSettings.From(builder.Configuration);
        var workingCopy = new WorkingCopy(settings.RulesDirectory, settings.PacksDirectory);
        builder.Services.AddSingleton(workingCopy);
        builder.Services.AddTransient(sp => sp.GetRequiredService<WorkingCopy>().Current.RuleSet);
        builder.Services.AddTransient(sp => sp.GetRequiredService<WorkingCopy>().Current.Advisor);
        return builder;
    }

    /// <summary>Errors as RFC 9457 problem+json, including unhandled exceptions and bare status codes.</summary>
    public static WebApplicationBuilder AddProblemResponses(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemWording.Customize);
        return builder;
    }

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
