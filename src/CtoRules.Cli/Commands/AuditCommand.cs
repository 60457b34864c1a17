using CtoRules.Authoring.Files;
using System.CommandLine;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Checkpoints;
using CtoRules.Audit.Replay;
using CtoRules.Audit.Retention;
using CtoRules.Packs.Signing;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules audit verify|replay|export|checkpoint|archive</c>: thin adapters over CtoRules.Audit.
/// verify exits 1 naming the first bad record; replay exits 1 when the advice differs.
/// </summary>
public static class AuditCommand
{
    public static Command Create() => new("audit", "The audit trail: verify the hash chain, replay a record, export, checkpoint, archive")
    {
        Verify(), Replay(), AuditExportCommand.Create(), Checkpoint(), Archive(),
    };

    private static Command Verify()
    {
        var db = new DatabaseOptions();
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Also check against an exported checkpoint file (detects truncation)" };
        var keyId = new Option<string?>("--key-id") { Description = "With --checkpoint: require it to be signed by this key id (sha256:…)" };
        var archive = new Option<string?>("--archive") { Description = "Verify an archive file and its join with the database chain instead" };
        var command = new Command("verify", "Walk the hash chain; name the first edited, deleted or reordered record") { checkpoint, keyId, archive };
        db.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var store = await db.OpenAsync(parse);
            VerifyResult result;
            if (parse.GetValue(archive) is { } file)
            {
                if (!File.Exists(file)) return Fail($"no such archive file: {file}");
                result = await new AuditArchiver(store).VerifyArchiveAsync(file, cancel);
            }
            else if (parse.GetValue(checkpoint) is { } cp)
            {
                if (!File.Exists(cp)) return Fail($"no such checkpoint file: {cp}");
                SignedCheckpoint signed;
                try { signed = SignedCheckpoint.FromJson(await File.ReadAllTextAsync(cp, cancel)); }
                catch (FormatException e) { return Fail($"{cp}: {e.Message}"); }
                result = await new CheckpointService(store).VerifyAgainstAsync(signed, parse.GetValue(keyId), cancel);
            }
            else result = await new ChainVerifier(store).VerifyAsync(cancel);

            if (result.IsValid)
            {
                Console.Out.WriteLine($"audit trail OK: {result.Message}; head {result.HeadHash}");
                return CliHost.Ok;
            }
            Console.Out.WriteLine($"audit trail BROKEN at record {result.RecordId?.ToString() ?? "-"} ({result.Problem.ToString().ToLowerInvariant()}): {result.Message}");
            return CliHost.Failed;
        });
        return command;
    }

    private static Command Replay()
    {
        var db = new DatabaseOptions();
        var id = new Argument<long>("id") { Description = "The audit record id" };
        var newest = new Option<bool>("--newest") { Description = "Replay on the newest published pack instead (what would it say now?)" };
        var packs = new Option<string?>("--packs") { Description = "The packs folder (default: packs/ under the repository root)" };
        var command = new Command("replay", "Re-evaluate a record's case on its pack (by digest) and show identical or what differs") { id, newest, packs };
        db.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var store = await db.OpenAsync(parse);
            var library = new PackLibrary(parse.GetValue(packs) ?? db.Settings(parse).PacksDirectory);
            var replayer = new AuditReplayer(store, library);
            var record = await replayer.FindAsync(parse.GetValue(id), cancel);
            if (record is null) return Fail($"no audit record {parse.GetValue(id)}");
            var result = parse.GetValue(newest) ? replayer.ReplayOnNewestPack(record) : replayer.ReplayOnStoredPack(record);
            if (!result.Ran) return Fail(result.Error!);
            Console.Out.WriteLine($"record {record.Id}: case {record.CaseId}, evaluated {CtoRules.Audit.Chain.AuditHash.FormatTime(record.RecordedAt)} by {record.Caller} ({record.Channel}) on {record.PackId} {record.PackVersion}");
            Console.Out.WriteLine($"replayed on {record.PackId} {result.PackVersion} ({result.PackDigest})");
            if (result.Identical)
            {
                Console.Out.WriteLine("identical");
                return CliHost.Ok;
            }
            Console.Out.WriteLine($"{result.Differences.Count} difference(s):");
            foreach (var d in result.Differences) Console.Out.WriteLine("  " + d);
            return CliHost.Failed;
        });
        return command;
    }

    private static Command Checkpoint()
    {
        var db = new DatabaseOptions();
        var output = new Option<string?>("--out") { Description = "Write the signed checkpoint to this file (default: print it)" };
        var key = new Option<string?>("--key") { Description = "The host key PEM (default: Audit__KeyPath, else data/audit-key.pem; created if absent)" };
        var command = new Command("checkpoint", "Sign the chain's head with the host key, store it and export it") { output, key };
        db.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var store = await db.OpenAsync(parse);
            var keyPath = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("Audit__KeyPath") ?? Path.Combine(db.Settings(parse).DataDirectory, "audit-key.pem");
            using var hostKey = HostKey.LoadOrCreate(keyPath);
            var checkpoint = await new CheckpointService(store, hostKey).CreateAsync(cancel);
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.Replace(file, checkpoint.ToJson());
                Console.Out.WriteLine($"checkpoint of record {checkpoint.RecordId} ({checkpoint.HeadHash}) signed by {PackKeys.KeyId(hostKey)} written to {file}");
            }
            else Console.Out.Write(checkpoint.ToJson());
            return CliHost.Ok;
        });
        return command;
    }

    private static Command Archive()
    {
        var db = new DatabaseOptions();
        var days = new Option<int?>("--older-than-days") { Description = "Archive records older than this many days (default: Audit__RetentionDays, else 365)" };
        var output = new Option<string?>("--out") { Description = "The archive folder (default: data/archive)" };
        var command = new Command("archive", "Retention: move old records to an NDJSON archive file; the chain stays verifiable across it") { days, output };
        db.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var store = await db.OpenAsync(parse);
            var age = parse.GetValue(days) ?? (int.TryParse(Environment.GetEnvironmentVariable("Audit__RetentionDays"), out var d) ? d : 365);
            if (age < 0) return Fail("--older-than-days is 0 or more");
            var folder = parse.GetValue(output) ?? Path.Combine(db.Settings(parse).DataDirectory, "archive");
            var result = await new AuditArchiver(store).ArchiveAsync(DateTime.UtcNow.AddDays(-age), folder, cancel);
            Console.Out.WriteLine(result.Count == 0
                ? $"no record is older than {age} day(s); nothing archived"
                : $"archived {result.Count} record(s), {result.FromId}..{result.ToId}, to {result.File}; the database chain goes on from {result.LastHash}");
            return CliHost.Ok;
        });
        return command;
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"ctorules: {message}");
        return CliHost.InvalidInput;
    }
}
