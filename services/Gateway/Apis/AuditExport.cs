using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Gateway.Authentication;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// The filtered trail as one download, CSV or JSON lines, in chain order. Rows go from Npgsql's reader to the response
/// body one at a time (EF's async enumeration does not buffer a plain query), flushed every few hundred rows: a million
/// records cost a buffer's worth of memory, not a million objects, and the first bytes leave at once.
/// </summary>
public static class AuditExport
{
    public const string Csv = "csv";
    public const string JsonLines = "jsonl";
    private const int FlushEvery = 500;

    private static readonly string[] CsvColumns =
    [
        "sequence", "jobId", "step", "service", "model", "modelVersion", "inputSha256", "decision", "confidence", "latencyMs", "cost",
        "redacted", "sentOutside", "detail", "occurredAt", "recordedAt", "prevHash", "hash",
    ];

    public static Results<PushStreamHttpResult, ProblemHttpResult> ExportAudit(
        ClaimsPrincipal user, PlatformDbContext db, string? format, DateTimeOffset? from, DateTimeOffset? to,
        string? step, string? decision, string? model)
    {
        var chosen = (format ?? Csv).ToLowerInvariant();
        if (chosen is not (Csv or JsonLines))
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid format", $"format '{format}' is not one of {Csv}, {JsonLines}.");
        }

        var tenant = user.TenantId();
        var records = AuditApi.Filtered(db, tenant, from, to, step, decision, model).OrderBy(r => r.Sequence).AsAsyncEnumerable();
        var fileName = $"audit-{tenant}-{DateTimeOffset.UtcNow:yyyyMMddTHHmmssZ}.{chosen}";
        return chosen == Csv
            ? TypedResults.Stream(body => WriteAsync(body, records, CsvHeader, CsvRow), "text/csv; charset=utf-8", fileName)
            : TypedResults.Stream(body => WriteAsync(body, records, "", JsonLine), "application/jsonl; charset=utf-8", fileName);
    }

    /// <summary>Writes only asynchronously: Kestrel refuses synchronous writes, which a StreamWriter makes whenever a
    /// synchronous Write fills its buffer (a small trail never did; a seeded million-record one failed at once).</summary>
    private static async Task WriteAsync(Stream body, IAsyncEnumerable<AuditRecord> records, string header, Func<AuditRecord, string> row)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
        await writer.WriteAsync(header);
        var written = 0;
        await foreach (var record in records)
        {
            await writer.WriteAsync(row(record));
            if (++written % FlushEvery == 0)
            {
                await writer.FlushAsync();
            }
        }
    }

    private static readonly string CsvHeader = string.Join(',', CsvColumns) + "\r\n";

    private static string CsvRow(AuditRecord r)
    {
        string?[] fields =
        [
            r.Sequence.ToString(CultureInfo.InvariantCulture), r.JobId.ToString(), r.Step, r.Service, r.Model, r.ModelVersion, r.InputSha256,
            r.Decision, r.Confidence?.ToString("R", CultureInfo.InvariantCulture), r.LatencyMs.ToString("R", CultureInfo.InvariantCulture),
            r.Cost.ToString(CultureInfo.InvariantCulture), r.Redacted, r.SentOutside, r.Detail, r.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            r.RecordedAt.ToString("O", CultureInfo.InvariantCulture), r.PrevHash, r.Hash,
        ];
        return string.Join(',', fields.Select(CsvField)) + "\r\n";
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A field that a
    /// spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote mark, since record details can hold
    /// text a client chose.</summary>
    private static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '@' or '\t' or '\r' || (value[0] == '-' && !double.TryParse(value, CultureInfo.InvariantCulture, out _)))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string JsonLine(AuditRecord record) => JsonSerializer.Serialize(AuditRecordView.From(record), JsonSerializerOptions.Web) + "\n";
}
