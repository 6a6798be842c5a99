using System.Globalization;
using Xiaobao.Audit.Features.Shared;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Audit.Features.ExportEntries;

/// <summary>One exported entry as the database gives it: everything the chain hashes, and the hashes.</summary>
internal sealed record AuditExportRow(
    long Sequence, DateTimeOffset At, string ActorKind, Guid? ActorId, string ActorName, Guid? OrganisationId,
    string EntityType, string? EntityId, string Action, string Changes, string PreviousHash, string Hash);

/// <summary>
/// The export's columns: headers in the request's language, codes shown as labels, times in China Standard Time, and the
/// hashes, so an auditor can re-check a downloaded slice link by link.
/// </summary>
internal sealed class AuditExportSheet(AuditExportFormat format, IReadOnlyDictionary<Guid, string> organisationNames)
{
    // Column keys only; the header row is written as the first row so an empty export still has its headers.
    private static readonly string[] s_keys = [.. Enumerable.Range(0, 13).Select(i => $"c{i}")];

    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    public static Dictionary<string, object?> Header() => Row(
        UiText.Get("Audit.Column.Sequence"),
        UiText.Get("Audit.Column.Time"),
        UiText.Get("Audit.Column.ActorKind"),
        UiText.Get("Audit.Column.Actor"),
        UiText.Get("Audit.Column.ActorId"),
        UiText.Get("Audit.Column.Organisation"),
        UiText.Get("Audit.Column.OrganisationId"),
        UiText.Get("Audit.Column.EntityType"),
        UiText.Get("Audit.Column.EntityId"),
        UiText.Get("Audit.Column.Action"),
        UiText.Get("Audit.Column.Changes"),
        UiText.Get("Audit.Column.PreviousHash"),
        UiText.Get("Audit.Column.Hash"));

    public Dictionary<string, object?> Row(AuditExportRow e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Row(
            e.Sequence,
            AuditLabels.ChinaTime(e.At),
            Cached(AuditLabels.ActorKindPrefix, e.ActorKind, AuditLabels.ActorKind),
            Text(e.ActorName),
            e.ActorId?.ToString("D", CultureInfo.InvariantCulture),
            e.OrganisationId is { } id ? Text(organisationNames.GetValueOrDefault(id) ?? string.Empty) : null,
            e.OrganisationId?.ToString("D", CultureInfo.InvariantCulture),
            Cached(AuditLabels.EntityTypePrefix, e.EntityType, AuditLabels.EntityType),
            e.EntityId is null ? null : Text(e.EntityId),
            Cached(AuditLabels.ActionPrefix, e.Action, AuditLabels.Action),
            Text(e.Changes),
            e.PreviousHash,
            e.Hash);
    }

    /// <summary>
    /// A spreadsheet program runs a CSV cell that starts with = + - @ as a formula, and some of these values come from
    /// outside (the user name typed into a failed sign-in); a leading apostrophe makes them text. Xlsx cells are typed as
    /// strings, so they are left as they are.
    /// </summary>
    internal static string Neutralised(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private string Text(string value) => format == AuditExportFormat.Csv ? Neutralised(value) : value;

    private string Cached(string prefix, string code, Func<string, string> label)
    {
        var key = prefix + code;
        if (!_labels.TryGetValue(key, out var text))
        {
            text = Text(label(code));
            _labels[key] = text;
        }

        return text;
    }

    private static Dictionary<string, object?> Row(params object?[] values)
    {
        var row = new Dictionary<string, object?>(s_keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < s_keys.Length; i++)
        {
            row[s_keys[i]] = values[i];
        }

        return row;
    }
}
