using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xiaobao.Audit.Domain;
using Xiaobao.Audit.Features.Shared;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Audit.Features.ExportEntries;

public enum AuditExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>An export whose rows are fixed and whose own audit entry is written: ready to stream.</summary>
public sealed class AuditExport
{
    internal AuditExport(AuditExportFormat format, long rows, long upToSequence, IQueryable<AuditEntry> entries, IReadOnlyDictionary<Guid, string> organisationNames)
    {
        Format = format;
        Rows = rows;
        UpToSequence = upToSequence;
        Entries = entries;
        OrganisationNames = organisationNames;
    }

    public AuditExportFormat Format { get; }

    public long Rows { get; }

    /// <summary>The head of the chain when the export began; later entries (the export's own among them) are not in it.</summary>
    public long UpToSequence { get; }

    public string ContentType => Format == AuditExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileName => $"audit-trail-to-{UpToSequence}.{(Format == AuditExportFormat.Csv ? "csv" : "xlsx")}";

    internal IQueryable<AuditEntry> Entries { get; }

    internal IReadOnlyDictionary<Guid, string> OrganisationNames { get; }
}

/// <summary>
/// Exports the caller's filtered slice of the trail to CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese) or
/// xlsx, streamed from the database to the response in sequence order: memory stays flat whatever the number of rows.
/// </summary>
/// <remarks>
/// The export is audited <em>before</em> the first byte is sent. It records an attempt to take the data out: a download
/// that fails or is abandoned half-way has still disclosed what it sent, and once the response has started a failed audit
/// write could no longer be reported to the caller. Recording first also fails closed: if the entry cannot be written,
/// nothing is exported. The rows are fixed first to the entries up to the chain's head at that moment; the trail only
/// grows, so the row count the entry records is exactly what is streamed.
/// </remarks>
public static class ExportAuditEntries
{
    /// <summary>A worksheet has 1,048,576 rows, one of them the header.</summary>
    public const long XlsxMaxRows = 1_048_575;

    /// <summary>"csv" or "xlsx" in any case; xlsx when not given. Anything else is a field error.</summary>
    public static AuditExportFormat ParseFormat(string? format) =>
        string.IsNullOrWhiteSpace(format) ? AuditExportFormat.Xlsx
        : Enum.TryParse<AuditExportFormat>(format.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw ValidationFailedException.For("format", UiText.Get("Error.Audit.Format"));

    public static async Task<AuditExport> PrepareAsync(
        IAuditDb db, IOrganisationDirectory directory, IAuditLog audit, AuditFilter filter, AuditExportFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(filter);
        var head = await db.AuditEntries.IgnoreQueryFilters().MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var entries = (await AuditQuery.FilterAsync(db, directory, filter, ct)).Where(e => e.Sequence <= head);
        var rows = await entries.LongCountAsync(ct);
        if (format == AuditExportFormat.Xlsx && rows > XlsxMaxRows)
        {
            throw new DomainException("audit/export-too-large", UiText.Format("Error.Audit.XlsxTooLarge", rows, XlsxMaxRows));
        }

        var details = filter.Describe();
        details["format"] = format.ToString();
        details["rows"] = rows;
        details["upToSequence"] = head;
        await audit.RecordAsync(new AuditEvent(AuditActions.Exported, nameof(AuditEntry), null, details), ct);

        // Names of the organisations in scope, once: a few thousand at most, however many entries follow.
        var names = (await directory.ListAsync(null, ct)).ToDictionary(o => o.Id, AuditLabels.OrganisationName);
        return new AuditExport(format, rows, head, entries, names);
    }

    public static async Task WriteAsync(AuditExport export, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(export);
        await using var body = new AsyncResponseStream(output);
        var sheet = new AuditExportSheet(export.Format, export.OrganisationNames);
        await MiniExcel.SaveAsAsync(
            body, RowsAsync(export, sheet, ct), printHeader: false, excelType: export.Format == AuditExportFormat.Csv ? ExcelType.CSV : ExcelType.XLSX, cancellationToken: ct);
        await body.FlushAsync(ct);
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> RowsAsync(AuditExport export, AuditExportSheet sheet, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return AuditExportSheet.Header();
        var rows = export.Entries.OrderBy(e => e.Sequence)
            .Select(e => new AuditExportRow(e.Sequence, e.At, e.ActorKind, e.ActorId, e.ActorName, e.OrganisationId, e.EntityType, e.EntityId, e.Action, e.Changes, e.PreviousHash, e.Hash))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return sheet.Row(row);
        }
    }
}
