using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage;

/// <summary>The PostgreSQL flavour of <see cref="AuthoringDbContext"/>; owns the PostgreSQL migrations.</summary>
public sealed class PostgresAuthoringDbContext(DbContextOptions<PostgresAuthoringDbContext> options) : AuthoringDbContext(options);
