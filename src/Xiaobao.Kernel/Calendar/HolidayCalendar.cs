using System.Collections.Frozen;

namespace Xiaobao.Kernel.Calendar;

/// <summary>
/// An immutable working-day calendar: the default week (Monday to Friday work, Saturday and Sunday rest)
/// plus dated exceptions taken from official notices.
/// </summary>
/// <remarks>
/// Dates in years the calendar has no official data for are still answered from the default week, because
/// a deadline must always be computable; callers check <see cref="IsCovered(int)"/> (or
/// <see cref="Deadline.CalendarCovered"/>) and warn that the answer may be wrong.
/// </remarks>
public sealed class HolidayCalendar
{
    private readonly FrozenDictionary<DateOnly, CalendarEntry> _entries;
    private readonly FrozenSet<int> _coveredYears;

    /// <summary>Builds a calendar.</summary>
    /// <param name="version">A label identifying this data set, e.g. "cn-2024-2026.1".</param>
    /// <param name="entries">The exceptions to the default week; at most one per date.</param>
    /// <param name="settings">How to read the calendar; <see cref="CalendarSettings.Default"/> when null.</param>
    /// <param name="coveredYears">
    /// The years with complete official data. When null, every year that has an entry. Pass it explicitly when
    /// a notice reaches into a neighbouring year (the 2024 New Year block starts on 2023-12-30) so that year
    /// is not mistaken for covered.
    /// </param>
    /// <exception cref="ArgumentException">Two entries share a date, or the version is blank.</exception>
    public HolidayCalendar(
        string version,
        IEnumerable<CalendarEntry> entries,
        CalendarSettings? settings = null,
        IEnumerable<int>? coveredYears = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(entries);

        var byDate = new Dictionary<DateOnly, CalendarEntry>();
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (!byDate.TryAdd(entry.Date, entry))
            {
                throw new ArgumentException($"More than one calendar entry for {entry.Date:yyyy-MM-dd}.", nameof(entries));
            }
        }

        Version = version;
        Settings = settings ?? CalendarSettings.Default;
        _entries = byDate.ToFrozenDictionary();
        _coveredYears = (coveredYears ?? byDate.Keys.Select(d => d.Year)).ToFrozenSet();
        Entries = [.. byDate.Values.OrderBy(e => e.Date)];
        CoveredYears = [.. _coveredYears.Order()];
    }

    /// <summary>The label of the data set this calendar was built from.</summary>
    public string Version { get; }

    /// <summary>How the calendar is read.</summary>
    public CalendarSettings Settings { get; }

    /// <summary>All exceptions to the default week, in date order.</summary>
    public IReadOnlyList<CalendarEntry> Entries { get; }

    /// <summary>The years for which the calendar has official data, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>Whether the calendar has official data for <paramref name="year"/>.</summary>
    public bool IsCovered(int year) => _coveredYears.Contains(year);

    /// <summary>Whether every year from <paramref name="from"/> to <paramref name="to"/> (either order) is covered.</summary>
    public bool IsCovered(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last; year++)
        {
            if (!IsCovered(year))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The official entry for <paramref name="date"/>, or null when the default week applies.</summary>
    public CalendarEntry? EntryFor(DateOnly date) => _entries.GetValueOrDefault(date);

    /// <summary>What <paramref name="date"/> is: its entry's kind, else the default week's.</summary>
    public CalendarDayKind KindOf(DateOnly date) =>
        _entries.TryGetValue(date, out var entry) ? entry.Kind
        : IsWeekend(date) ? CalendarDayKind.Rest
        : CalendarDayKind.Workday;

    /// <summary>Whether work is done on <paramref name="date"/> (an ordinary workday or a make-up working day).</summary>
    public bool IsWorkingDay(DateOnly date) => KindOf(date) is CalendarDayKind.Workday or CalendarDayKind.MakeupWorkday;

    /// <summary>
    /// Whether <paramref name="date"/> is a statutory rest day for rolling a civil-law period forward: a statutory
    /// holiday, a rest day declared on a weekday, or a weekend day that is not a make-up working day when
    /// <see cref="CalendarSettings.WeekendCountsAsRest"/> is on.
    /// </summary>
    /// <remarks>With the setting off, a plain weekend day is neither a working day nor a rest day.</remarks>
    public bool IsRestDay(DateOnly date) => KindOf(date) switch
    {
        CalendarDayKind.StatutoryHoliday => true,
        CalendarDayKind.Rest => Settings.WeekendCountsAsRest || !IsWeekend(date),
        _ => false,
    };

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/>, <paramref name="start"/> itself not
    /// counted; with a negative <paramref name="n"/>, the |n|-th working day before it. Zero returns
    /// <paramref name="start"/> unchanged, working day or not.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var step = Math.Sign(n);
        var remaining = Math.Abs((long)n);
        var day = start;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// The number of working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]. When
    /// <paramref name="toInclusive"/> is earlier, minus the number of working days in
    /// [<paramref name="toInclusive"/>, <paramref name="fromExclusive"/>), so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c> for every n.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive >= fromExclusive)
        {
            return CountWorkingDays(fromExclusive.AddDays(1), toInclusive);
        }

        return -CountWorkingDays(toInclusive, fromExclusive.AddDays(-1));
    }

    /// <summary>
    /// A new calendar in which <paramref name="year"/>'s entries are replaced by <paramref name="entries"/> and the
    /// year is marked covered. Entries of other years and the settings are kept.
    /// </summary>
    /// <exception cref="ArgumentException">An entry lies outside <paramref name="year"/> or two share a date.</exception>
    public HolidayCalendar WithYear(int year, IEnumerable<CalendarEntry> entries, string version)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var replacement = entries.ToList();
        var stray = replacement.FirstOrDefault(e => e.Date.Year != year);
        if (stray is not null)
        {
            throw new ArgumentException($"Entry {stray.Date:yyyy-MM-dd} is outside {year}.", nameof(entries));
        }

        return new HolidayCalendar(
            version,
            Entries.Where(e => e.Date.Year != year).Concat(replacement),
            Settings,
            _coveredYears.Append(year));
    }

    /// <summary>The same data read with other settings.</summary>
    public HolidayCalendar WithSettings(CalendarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings == Settings ? this : new HolidayCalendar(Version, Entries, settings, _coveredYears);
    }

    private int CountWorkingDays(DateOnly firstInclusive, DateOnly lastInclusive)
    {
        var count = 0;
        for (var day = firstInclusive; day <= lastInclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
