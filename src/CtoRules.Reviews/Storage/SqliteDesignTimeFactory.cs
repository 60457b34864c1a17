using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.Reviews.Storage;

/// <summary>For <c>dotnet ef migrations add … --context SqliteReviewDbContext</c>; no database is opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReviewDbContext>
{
    public SqliteReviewDbContext CreateDbContext(string[] args) => (SqliteReviewDbContext)ReviewStore.Open("sqlite", "Data Source=design.db");
}
