using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.Reviews.Storage;

/// <summary>For <c>dotnet ef migrations add … --context PostgresReviewDbContext</c>; no database is opened.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReviewDbContext>
{
    public PostgresReviewDbContext CreateDbContext(string[] args) => (PostgresReviewDbContext)ReviewStore.Open("postgres", "Host=localhost;Database=design");
}
