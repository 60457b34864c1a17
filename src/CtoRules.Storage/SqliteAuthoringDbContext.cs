using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage;

/// <summary>The SQLite flavour of <see cref="AuthoringDbContext"/>; owns the SQLite migrations.</summary>
public sealed class SqliteAuthoringDbContext(DbContextOptions<SqliteAuthoringDbContext> options) : AuthoringDbContext(options);
