using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.Audit.Storage;

/// <summary>For <c>dotnet ef migrations add … --context SqliteAuditDbContext</c>; never used at run time.</summary>
public sealed class SqliteAuditDesignFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteAuditDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable)).Options);
}
