using System.CommandLine;
using System.Globalization;
using CtoRules.Audit.Export;
using CtoRules.Audit.Search;

namespace CtoRules.Cli.Commands;

/// <summary><c>ctorules audit export [--format csv|ndjson] [--out FILE] [selection]</c>: the selection in chain order.</summary>
public static class AuditExportCommand
{
    public static Command Create()
    {
        var db = new DatabaseOptions();
        var format = new Option<string>("--format") { Description = "csv or ndjson", DefaultValueFactory = _ => "ndjson" };
        format.AcceptOnlyFromAmong("csv", "ndjson");
        var output = new Option<string?>("--out") { Description = "Write to this file (default: standard output)" };
        var caseId = new Option<string?>("--case-id");
        var from = new Option<string?>("--from") { Description = "UTC date or time, inclusive (2026-12-01)" };
        var to = new Option<string?>("--to") { Description = "UTC date or time, exclusive" };
        var rule = new Option<string?>("--rule") { Description = "A fired rule id" };
        var action = new Option<string?>("--action") { Description = "An action code of the advice" };
        var pack = new Option<string?>("--pack-version");
        var caller = new Option<string?>("--caller") { Description = "A user name or apikey:NAME" };
        var channel = new Option<string?>("--channel") { Description = "api, api-batch, site, cds-hooks" };
        var command = new Command("export", "Export the selected records as CSV or NDJSON") { format, output, caseId, from, to, rule, action, pack, caller, channel };
        db.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            DateTime? fromTime = null, toTime = null;
            if (parse.GetValue(from) is { } f && !TryTime(f, out fromTime)) return AuditCommand.Fail($"--from '{f}' is not a date or time");
            if (parse.GetValue(to) is { } t && !TryTime(t, out toTime)) return AuditCommand.Fail($"--to '{t}' is not a date or time");
            var query = new AuditQuery(parse.GetValue(caseId), fromTime, toTime, parse.GetValue(rule), parse.GetValue(action),
                parse.GetValue(pack), parse.GetValue(caller), parse.GetValue(channel));
            var store = await db.OpenAsync(parse);
            var kind = parse.GetValue(format) == "csv" ? AuditExportFormat.Csv : AuditExportFormat.Ndjson;
            var records = new AuditSearch(store).StreamAsync(query, cancel);
            if (parse.GetValue(output) is { } file)
            {
                var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
                int count;
                await using (var writer = new StreamWriter(temp)) count = await AuditExporter.WriteAsync(records, writer, kind, cancel);
                File.Move(temp, file, overwrite: true);
                Console.Error.WriteLine($"exported {count} record(s) to {file}");
            }
            else await AuditExporter.WriteAsync(records, Console.Out, kind, cancel);
            return CliHost.Ok;
        });
        return command;
    }

    private static bool TryTime(string text, out DateTime? time)
    {
        var ok = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t);
        time = ok ? t : null;
        return ok;
    }
}
