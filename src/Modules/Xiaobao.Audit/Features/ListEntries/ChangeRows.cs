using System.Text.Json;

namespace Xiaobao.Audit.Features.ListEntries;

/// <summary>One line of an entry's changes as the detail drawer shows it.</summary>
/// <param name="Masked">A personal or secret value: it changed, and its values are not recorded.</param>
public sealed record ChangeRow(string Field, string? Before, string? After, bool Masked);

/// <summary>One fact of an explicit event (a sign-in's method, an export's filters and row count).</summary>
public sealed record DetailRow(string Field, string Value);

/// <summary>
/// Reads an entry's canonical changes for people: property → before/after becomes a change row, a role or permission
/// granted/revoked becomes after/before, "changed" a masked row, and anything else (an event's facts) a detail row.
/// </summary>
public static class ChangeRows
{
    public const string ChangedMarker = "changed";

    public static (IReadOnlyList<ChangeRow> Changes, IReadOnlyList<DetailRow> Details) Read(JsonElement changes)
    {
        var rows = new List<ChangeRow>();
        var details = new List<DetailRow>();
        if (changes.ValueKind != JsonValueKind.Object)
        {
            return (rows, details);
        }

        foreach (var property in changes.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.String && value.GetString() == ChangedMarker)
            {
                rows.Add(new ChangeRow(property.Name, null, null, Masked: true));
            }
            else if (IsPair(value, "before", "after", out var before, out var after) || IsPair(value, "revoked", "granted", out before, out after))
            {
                rows.Add(new ChangeRow(property.Name, before, after, Masked: false));
            }
            else
            {
                details.Add(new DetailRow(property.Name, Show(value) ?? string.Empty));
            }
        }

        return (rows, details);
    }

    /// <summary>An object whose only members are <paramref name="from"/> and/or <paramref name="to"/>.</summary>
    private static bool IsPair(JsonElement value, string from, string to, out string? before, out string? after)
    {
        before = null;
        after = null;
        if (value.ValueKind != JsonValueKind.Object || !value.EnumerateObject().Any())
        {
            return false;
        }

        foreach (var member in value.EnumerateObject())
        {
            if (member.Name == from)
            {
                before = Show(member.Value);
            }
            else if (member.Name == to)
            {
                after = Show(member.Value);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    // Strings without their quotes, null as nothing, everything else as its JSON.
    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
