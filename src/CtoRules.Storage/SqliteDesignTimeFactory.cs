using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CtoRules.Storage;

/// <summary>For <c>dotnet ef migrations add X --context SqliteAuthoringDbContext</c>; never used at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuthoringDbContext>
{
    public SqliteAuthoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuthoringDbContext>().UseSqlite("Data Source=design.db").Options);
}
