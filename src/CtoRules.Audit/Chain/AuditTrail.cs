using System.Threading.Channels;
using CtoRules.Advice;
using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;

namespace CtoRules.Audit.Chain;

/// <summary>
/// Appends to the chain with group commit. Callers build their record (the costly JSON) in
/// parallel and queue it; one writer per trail takes every queued record (at most
/// <see cref="MaxBatch"/>), chains them in queue order and writes them in ONE transaction that holds
/// the chain lock (<see cref="ChainBatchWriter"/>), then completes each caller with its record. One
/// commit, and on SQLite one WAL sync, then pays for the whole batch instead of one per request,
/// which is what capped audited throughput (docs/audit.md, "Appends under concurrency").
/// A caller's task completes only after the commit, so no record is acknowledged that is not
/// written; a failed transaction fails every caller in it, and the writer goes on with the next.
/// </summary>
public sealed class AuditTrail : IAuditTrail, IAsyncDisposable
{
    /// <summary>The advisory lock key (any constant; "CTOA" in ASCII).</summary>
    public const long PostgresLockKey = 0x43544F41;

    /// <summary>Records per transaction at most, so one transaction (and its lock) stays short.</summary>
    public const int MaxBatch = 256;

    private readonly AuditStore _store;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AuditTrail(AuditStore store, TimeProvider? time = null)
    {
        _store = store;
        _time = time ?? TimeProvider.System;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Queues the record and completes once its transaction has committed. Cancelling before the
    /// writer takes the record drops it (the task is cancelled); once taken, the record is written
    /// and the task reports it, so the caller never misses a record that exists.
    /// </summary>
    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancel.ThrowIfCancellationRequested();
        var pending = new Pending(ToRecord(entry), cancel);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(AuditTrail), "the audit trail is shut down; no record was written");
        return pending.Done.Task;
    }

    /// <summary>Stops taking appends and waits until the queued ones are written (host shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // The gate first, the batch second: whatever queued while another append or the
            // archiver held the gate goes into this one transaction.
            await _store.AppendGate.WaitAsync().ConfigureAwait(false);
            batch.Clear();
            try
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var pending))
                {
                    if (pending.Cancel.IsCancellationRequested) pending.Done.TrySetCanceled(pending.Cancel);
                    else batch.Add(pending);
                }
                if (batch.Count == 0) continue;
                await ChainBatchWriter.WriteAsync(_store, batch.ConvertAll(p => p.Record), _time).ConfigureAwait(false);
                foreach (var p in batch) p.Done.TrySetResult(p.Record);
            }
#pragma warning disable CA1031 // Any failure of the transaction is every caller's failure; the writer must outlive it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var p in batch) p.Done.TrySetException(e);
            }
            finally
            {
                _store.AppendGate.Release();
            }
        }
    }

    internal static AuditRecord ToRecord(AuditEntry entry)
    {
        var advice = entry.Advice;
        var fired = advice.Advice.Select(a => a.RuleId)
            .Concat(advice.Scores.SelectMany(s => s.Components).Select(c => c.RuleId).OfType<string>())
            .Distinct(StringComparer.Ordinal);
        var actions = advice.Advice.SelectMany(a => a.Actions).Distinct(StringComparer.Ordinal);
        return new AuditRecord
        {
            Caller = entry.Caller,
            Channel = entry.Channel,
            CaseId = advice.CaseId,
            PackId = advice.RuleSet.Id,
            PackVersion = advice.RuleSet.Version,
            PackDigest = advice.RuleSet.Digest,
            CaseJson = entry.CaseJson,
            AdviceJson = AdviceJson.Serialize(advice, indented: false),
            RuleIds = Padded(fired),
            ActionCodes = Padded(actions),
        };
    }

    private static string Padded(IEnumerable<string> words)
    {
        var joined = string.Join(' ', words);
        return joined.Length == 0 ? "" : " " + joined + " ";
    }

    /// <summary>A queued append: continuations run asynchronously so that completing a batch never runs callers' code on the writer.</summary>
    private sealed class Pending(AuditRecord record, CancellationToken cancel)
    {
        public AuditRecord Record { get; } = record;
        public CancellationToken Cancel { get; } = cancel;
        public TaskCompletionSource<AuditRecord> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
