using Microsoft.EntityFrameworkCore;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>The feedback store on SQLite (the default); its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteCdsFeedbackDbContext(DbContextOptions<SqliteCdsFeedbackDbContext> options) : CdsFeedbackDbContext(options);
