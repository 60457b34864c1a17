using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.Audit.Storage;

/// <summary>For <c>dotnet ef migrations add … --context PostgresAuditDbContext</c>; never used at run time (no connection is opened).</summary>
public sealed class PostgresAuditDesignFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresAuditDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=design", o => o.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable)).Options);
}
