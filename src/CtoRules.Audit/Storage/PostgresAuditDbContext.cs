using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Storage;

/// <summary>The audit model on PostgreSQL (its migrations are in Migrations/Postgres).</summary>
public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);
