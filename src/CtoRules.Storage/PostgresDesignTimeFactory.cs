using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.Storage;

/// <summary>For <c>dotnet ef migrations add X --context PostgresAuthoringDbContext</c>; never used at run time (no connection is opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuthoringDbContext>
{
    public PostgresAuthoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuthoringDbContext>().UseNpgsql("Host=localhost;Database=ctorules_design").Options);
}
