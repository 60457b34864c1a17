using CtoRules.Authoring.Files;
using CtoRules.Audit.Checkpoints;

namespace CtoRules.Web.Hosting;

/// <summary>
/// Signs the audit chain's head on a schedule (<c>Audit:CheckpointEvery</c>, default one hour;
/// <c>0</c> turns it off) when records were appended since the last checkpoint, stores it in
/// the database and writes it to <c>Audit:CheckpointFolder</c> (default
/// <c>data/checkpoints</c>) as <c>checkpoint-RECORD.json</c>, never overwriting. Copy that
/// folder off the host: a checkpoint kept beside the database cannot prove truncation on its own.
/// </summary>
public sealed class CheckpointSchedule(CheckpointService checkpoints, CheckpointScheduleOptions options, ILogger<CheckpointSchedule> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Every <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RunOnceAsync(stoppingToken);
    }

    /// <summary>One scheduled step; failures are logged and the schedule goes on.</summary>
    public async Task<SignedCheckpoint?> RunOnceAsync(CancellationToken cancel)
    {
        try
        {
            var checkpoint = await checkpoints.CreateIfHeadMovedAsync(cancel);
            if (checkpoint is null) return null;
            Directory.CreateDirectory(options.Folder);
            var file = Path.Combine(options.Folder, $"checkpoint-{checkpoint.RecordId}.json");
            if (!File.Exists(file)) AtomicFile.WriteNew(file, checkpoint.ToJson());
            log.LogInformation("Audit checkpoint of record {RecordId} signed by {KeyId}", checkpoint.RecordId, checkpoint.KeyId);
            return checkpoint;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError("Audit checkpoint failed: {Error}", e.Message);
            return null;
        }
    }
}

/// <summary>How often the chain head is signed, and where the checkpoint files go.</summary>
public sealed record CheckpointScheduleOptions(TimeSpan Every, string Folder);
