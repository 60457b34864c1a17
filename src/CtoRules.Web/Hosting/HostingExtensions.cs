using CtoRules.Engine;
using CtoRules.Language.Rules;

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
    /// Reads the rule set once at start-up (<c>--rules</c>, default: the nearest rules/ from the
    /// current folder up) and shares one thread-safe <see cref="Advisor"/>. A rule set with errors
    /// stops the host with the diagnostics: serving advice from a broken knowledge base is worse
    /// than not serving.
    /// </summary>
    public static WebApplicationBuilder AddRuleSet(this WebApplicationBuilder builder)
    {
        var folder = ResolveRules(builder.Configuration["rules"]);
        var load = RuleSetReader.LoadDirectory(folder);
        if (load.RuleSet is null)
            throw new InvalidOperationException($"the rule set in {folder} cannot be used: " +
                string.Join("; ", load.Diagnostics.Where(d => d.IsError).Take(3)) +
                (load.Diagnostics.Count(d => d.IsError) > 3 ? $" (and {load.Diagnostics.Count(d => d.IsError) - 3} more; run 'ctorules validate')" : ""));
        builder.Services.AddSingleton(load.RuleSet);
        builder.Services.AddSingleton(_ => new Advisor(load.RuleSet));
        return builder;
    }

    /// <summary>Errors as RFC 9457 problem+json, including unhandled exceptions and bare status codes.</summary>
    public static WebApplicationBuilder AddProblemResponses(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static string ResolveRules(string? named)
    {
        if (!string.IsNullOrEmpty(named))
        {
            // `dotnet run --project src/CtoRules.Web -- --rules rules` runs in the project folder: a
            // relative folder that is not here is looked for in the folders above, as the clone's root.
            if (Path.IsPathRooted(named) || Directory.Exists(named)) return named;
            for (var dir = new DirectoryInfo(Environment.CurrentDirectory).Parent; dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, named))) return Path.Combine(dir.FullName, named);
            return named;
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (File.Exists(Path.Combine(candidate, "ruleset.yaml"))) return candidate;
        }
        return "rules";
    }
}
