using System.Globalization;
using System.Text;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Kernel.Calendar;

/// <summary>One rejected row of a calendar year file.</summary>
/// <param name="Row">The 1-based line number in the file; the header is row 1.</param>
/// <param name="Code">A stable code the UI translates: header, columns, date, year, kind, duplicate, empty.</param>
/// <param name="Message">A description in the UI language of the request that read the file.</param>
public sealed record CalendarRowError(int Row, string Code, string Message);

/// <summary>The outcome of reading a calendar year file: either all its entries or only errors, never a part.</summary>
public sealed class CalendarYearParseResult
{
    private CalendarYearParseResult(IReadOnlyList<CalendarEntry> entries, IReadOnlyList<CalendarRowError> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    /// <summary>True when the file had no errors.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Every entry of the file in date order; empty when there were errors.</summary>
    public IReadOnlyList<CalendarEntry> Entries { get; }

    /// <summary>Every problem found, in row order.</summary>
    public IReadOnlyList<CalendarRowError> Errors { get; }

    internal static CalendarYearParseResult Success(IReadOnlyList<CalendarEntry> entries) => new(entries, []);

    internal static CalendarYearParseResult Failure(IReadOnlyList<CalendarRowError> errors) => new([], errors);
}

/// <summary>
/// Reads and writes one year of calendar exceptions as CSV: a header <c>date,kind,name,source</c>, then one row
/// per date with an ISO date and a kind of statutory_holiday, makeup_workday, rest or workday.
/// </summary>
/// <remarks>
/// This is how an administrator loads a year the embedded data does not have yet, e.g. as soon as the State
/// Council publishes its notice in November. Fields may be double-quoted, with "" for a quote.
/// </remarks>
public static class CalendarYearFile
{
    /// <summary>The required first line.</summary>
    public const string Header = "date,kind,name,source";

    private static readonly string[] _columns = ["date", "kind", "name", "source"];

    /// <summary>Reads the entries of <paramref name="year"/> from <paramref name="csvText"/>.</summary>
    public static CalendarYearParseResult Parse(string csvText, int year)
    {
        ArgumentNullException.ThrowIfNull(csvText);

        var errors = new List<CalendarRowError>();
        var entries = new List<CalendarEntry>();
        var seen = new Dictionary<DateOnly, int>();
        var lines = csvText.TrimStart('\uFEFF').Split('\n');
        var headerSeen = false;

        for (var i = 0; i < lines.Length; i++)
        {
            var row = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!TrySplit(line, out var fields))
            {
                errors.Add(new(row, "columns", UiText.Get("Error.CalendarFile.UnclosedQuote")));
                headerSeen = true;
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                if (!fields.Select(f => f.Trim()).SequenceEqual(_columns, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(new(row, "header", UiText.Format("Error.CalendarFile.Header", Header)));
                }

                continue;
            }

            if (fields.Count != _columns.Length)
            {
                errors.Add(new(row, "columns", UiText.Format("Error.CalendarFile.FieldCount", _columns.Length, fields.Count)));
                continue;
            }

            var entry = ParseRow(row, fields, year, errors);
            if (entry is null)
            {
                continue;
            }

            if (seen.TryGetValue(entry.Date, out var firstRow))
            {
                errors.Add(new(row, "duplicate", UiText.Format("Error.CalendarFile.Duplicate", entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), firstRow)));
                continue;
            }

            seen.Add(entry.Date, row);
            entries.Add(entry);
        }

        if (!headerSeen)
        {
            errors.Add(new(1, "header", UiText.Format("Error.CalendarFile.Empty", Header)));
        }

        return errors.Count == 0
            ? CalendarYearParseResult.Success([.. entries.OrderBy(e => e.Date)])
            : CalendarYearParseResult.Failure(errors);
    }

    /// <summary>Writes <paramref name="entries"/> in date order in the format <see cref="Parse"/> reads.</summary>
    public static string Write(IEnumerable<CalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);

        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var entry in entries.OrderBy(e => e.Date))
        {
            text.Append(entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(CalendarDayKindCodes.ToCode(entry.Kind)).Append(',')
                .Append(Quote(entry.Name)).Append(',')
                .Append(Quote(entry.Source)).Append('\n');
        }

        return text.ToString();
    }

    private static CalendarEntry? ParseRow(int row, List<string> fields, int year, List<CalendarRowError> errors)
    {
        var errorCount = errors.Count;
        var dateText = fields[0].Trim();
        var kindText = fields[1].Trim();

        var hasDate = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (!hasDate)
        {
            errors.Add(new(row, "date", UiText.Format("Error.CalendarFile.Date", dateText)));
        }
        else if (date.Year != year)
        {
            errors.Add(new(row, "year", UiText.Format("Error.CalendarFile.Year", dateText, year)));
        }

        if (!CalendarDayKindCodes.TryParse(kindText, out var kind))
        {
            errors.Add(new(row, "kind", UiText.Format("Error.CalendarFile.Kind", kindText)));
        }

        if (fields[3].Trim().Length == 0)
        {
            // An entry nobody can trace back to a notice cannot be checked or corrected later.
            errors.Add(new(row, "empty", UiText.Get("Error.CalendarFile.SourceEmpty")));
        }

        return errors.Count == errorCount && kind is { } k
            ? new CalendarEntry(date, k, fields[2].Trim(), fields[3].Trim())
            : null;
    }

    private static bool TrySplit(string line, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return !quoted;
    }

    private static string Quote(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("Calendar names and sources must fit on one line.", nameof(value));
        }

        return value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
    }
}
