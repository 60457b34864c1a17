using CtoRules.Reviews.Model;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Storage;

/// <summary>
/// Review submissions and their steps. It shares the site's database and keeps its own migrations
/// history table (<see cref="HistoryTable"/>), so its migrations never mix with another context's.
/// One subclass per provider holds that provider's migrations.
/// </summary>
public abstract class ReviewDbContext(DbContextOptions options) : DbContext(options)
{
    public const string HistoryTable = "__ReviewMigrationsHistory";

    public DbSet<ReviewSubmission> Submissions => Set<ReviewSubmission>();
    public DbSet<ReviewStep> Steps => Set<ReviewStep>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var submission = modelBuilder.Entity<ReviewSubmission>();
        submission.ToTable("ReviewSubmissions");
        submission.Property(s => s.RuleSetId).HasMaxLength(200);
        submission.Property(s => s.Summary).HasMaxLength(4000);
        submission.Property(s => s.Digest).HasMaxLength(100);
        submission.Property(s => s.SubmittedBy).HasMaxLength(256);
        submission.Property(s => s.BaseVersion).HasMaxLength(64);
        submission.Property(s => s.SuggestedVersion).HasMaxLength(64);
        submission.Property(s => s.SuggestedBump).HasMaxLength(16);
        submission.Property(s => s.PackPath).HasMaxLength(1000);
        submission.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        submission.HasMany(s => s.Steps).WithOne().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);

        var step = modelBuilder.Entity<ReviewStep>();
        step.ToTable("ReviewSteps");
        step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        step.Property(s => s.UserName).HasMaxLength(256);
        step.Property(s => s.Comment).HasMaxLength(4000);
    }
}
