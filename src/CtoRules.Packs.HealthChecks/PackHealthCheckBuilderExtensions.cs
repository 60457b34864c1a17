using CtoRules.Packs.Updating;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CtoRules.Packs.HealthChecks;

/// <summary>Registers <see cref="PackHealthCheck"/> with <c>AddHealthChecks()</c>.</summary>
public static class PackHealthCheckBuilderExtensions
{
    /// <summary>Adds a check of the <see cref="PackWatcher"/> registered in the service container.</summary>
    public static IHealthChecksBuilder AddCtoRulesPack(this IHealthChecksBuilder builder, string name = "ctorules-pack",
        PackHealthOptions? options = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name,
            services => new PackHealthCheck(services.GetRequiredService<PackWatcher>(), options), failureStatus, tags));
    }
}
