using Microsoft.EntityFrameworkCore;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>The feedback store on PostgreSQL; its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresCdsFeedbackDbContext(DbContextOptions<PostgresCdsFeedbackDbContext> options) : CdsFeedbackDbContext(options);
