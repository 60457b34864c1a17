using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Storage;

/// <summary>The audit model on SQLite (its migrations are in Migrations/Sqlite).</summary>
public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);
