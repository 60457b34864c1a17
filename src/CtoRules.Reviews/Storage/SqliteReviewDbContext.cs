using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Storage;

/// <summary>The review store on SQLite (the default).</summary>
public sealed class SqliteReviewDbContext(DbContextOptions<SqliteReviewDbContext> options) : ReviewDbContext(options);
