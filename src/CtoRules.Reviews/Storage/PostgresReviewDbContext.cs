using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Storage;

/// <summary>The review store on PostgreSQL.</summary>
public sealed class PostgresReviewDbContext(DbContextOptions<PostgresReviewDbContext> options) : ReviewDbContext(options);
