using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>For <c>dotnet ef migrations add … --context PostgresCdsFeedbackDbContext</c> (no server needed).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCdsFeedbackDbContext>
{
    public PostgresCdsFeedbackDbContext CreateDbContext(string[] args) =>
        (PostgresCdsFeedbackDbContext)CdsFeedbackDatabase.Open("postgres", "Host=localhost;Database=ctorules_design");
}
