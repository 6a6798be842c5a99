using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Calendar.Domain;

/// <summary>One exception to the ordinary week, as stored: a holiday, a make-up working day, or an explicit rest or work day.</summary>
public sealed class CalendarDay
{
    public const int NameMaxLength = 50;
    public const int SourceMaxLength = 100;

    private CalendarDay()
    {
        Name = string.Empty;
        Source = string.Empty;
    }

    public DateOnly Date { get; private set; }

    public int Year { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    public string Name { get; private set; }

    public string Source { get; private set; }

    public static CalendarDay From(CalendarEntry entry) => new()
    {
        Date = entry.Date,
        Year = entry.Date.Year,
        Kind = entry.Kind,
        Name = entry.Name,
        Source = entry.Source,
    };

    public CalendarEntry ToEntry() => new(Date, Kind, Name, Source);
}

/// <summary>Which years the calendar holds official data for, and which version of each.</summary>
public sealed class CalendarYear
{
    private CalendarYear()
    {
        Version = string.Empty;
    }

    public int Year { get; private set; }

    public string Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CalendarYear Create(int year, string version, DateTimeOffset at) => new() { Year = year, Version = version, UpdatedAt = at };

    public void Replace(string version, DateTimeOffset at)
    {
        Version = version;
        UpdatedAt = at;
    }
}
