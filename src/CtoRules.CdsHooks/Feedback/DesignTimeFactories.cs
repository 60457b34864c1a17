using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>For <c>dotnet ef migrations add … --context SqliteCdsFeedbackDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCdsFeedbackDbContext>
{
    public SqliteCdsFeedbackDbContext CreateDbContext(string[] args) =>
        (SqliteCdsFeedbackDbContext)CdsFeedbackDatabase.Open("sqlite", "Data Source=design-time.db");
}
