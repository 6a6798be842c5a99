using System.Globalization;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.UnitTests.Calendar;

public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar _china = OfficialCalendars.ChinaMainland();

    [Fact]
    public void IsWorkingDay_MakeupSundayBeforeNationalDay2024_IsTrue()
    {
        var sunday = new DateOnly(2024, 9, 29);

        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
        Assert.Equal(CalendarDayKind.MakeupWorkday, _china.KindOf(sunday));
        Assert.True(_china.IsWorkingDay(sunday));
        Assert.False(_china.IsRestDay(sunday));
    }

    [Fact]
    public void IsWorkingDay_SaturdayInsideNationalDay2024_IsFalseAndStatutory()
    {
        var saturday = new DateOnly(2024, 10, 5);

        Assert.Equal(DayOfWeek.Saturday, saturday.DayOfWeek);
        Assert.False(_china.IsWorkingDay(saturday));
        Assert.True(_china.IsRestDay(saturday));
        Assert.Equal(CalendarDayKind.StatutoryHoliday, _china.KindOf(saturday));
        Assert.Equal("国庆节", _china.EntryFor(saturday)?.Name);
    }

    [Fact]
    public void KindOf_DateWithoutEntry_FollowsDefaultWeek()
    {
        Assert.Equal(CalendarDayKind.Workday, _china.KindOf(new DateOnly(2024, 3, 13)));
        Assert.Equal(CalendarDayKind.Rest, _china.KindOf(new DateOnly(2024, 3, 16)));
    }

    [Fact]
    public void IsRestDay_PlainSundayWhenWeekendsDoNotCount_IsFalseButNotWorking()
    {
        var calendar = OfficialCalendars.ChinaMainland(new CalendarSettings(WeekendCountsAsRest: false));
        var sunday = new DateOnly(2024, 3, 17);

        Assert.False(calendar.IsRestDay(sunday));
        Assert.False(calendar.IsWorkingDay(sunday));
        Assert.True(calendar.IsRestDay(new DateOnly(2024, 10, 6)));
    }

    [Fact]
    public void IsRestDay_RestEntryOnWeekdayWhenWeekendsDoNotCount_IsTrue()
    {
        var weekday = new DateOnly(2027, 3, 3);
        var calendar = new HolidayCalendar(
            "test.1",
            [new CalendarEntry(weekday, CalendarDayKind.Rest, "停工", "test")],
            new CalendarSettings(WeekendCountsAsRest: false));

        Assert.True(calendar.IsRestDay(weekday));
    }

    [Theory]
    [InlineData("2025-01-24", 1, "2025-01-26")]
    [InlineData("2025-01-24", 2, "2025-01-27")]
    [InlineData("2025-01-24", 3, "2025-02-05")]
    [InlineData("2025-01-24", 6, "2025-02-08")]
    [InlineData("2025-01-24", 7, "2025-02-10")]
    public void AddWorkingDays_AcrossSpringFestival2025_SkipsHolidayAndCountsMakeupDays(string start, int n, string expected)
    {
        Assert.Equal(D(expected), _china.AddWorkingDays(D(start), n));
    }

    [Theory]
    [InlineData("2026-02-12", 2, "2026-02-14")]
    [InlineData("2026-02-12", 3, "2026-02-24")]
    [InlineData("2026-02-12", 7, "2026-02-28")]
    [InlineData("2026-02-12", 8, "2026-03-02")]
    public void AddWorkingDays_AcrossSpringFestival2026_SkipsNineDayHoliday(string start, int n, string expected)
    {
        Assert.Equal(D(expected), _china.AddWorkingDays(D(start), n));
    }

    [Theory]
    [InlineData("2024-09-27", 1, "2024-09-29")]
    [InlineData("2024-09-27", 2, "2024-09-30")]
    [InlineData("2024-09-27", 3, "2024-10-08")]
    [InlineData("2024-09-27", 7, "2024-10-12")]
    [InlineData("2024-10-08", -1, "2024-09-30")]
    [InlineData("2024-10-08", -2, "2024-09-29")]
    [InlineData("2024-10-05", 0, "2024-10-05")]
    public void AddWorkingDays_AcrossNationalDay2024_SkipsHolidayAndCountsMakeupDays(string start, int n, string expected)
    {
        Assert.Equal(D(expected), _china.AddWorkingDays(D(start), n));
    }

    [Fact]
    public void WorkingDaysBetween_NationalDayWeek2024_CountsOnlyMakeupAndOrdinaryDays()
    {
        // Sep 29 (make-up Sunday), Sep 30, then Oct 8 after the holiday.
        Assert.Equal(3, _china.WorkingDaysBetween(new DateOnly(2024, 9, 27), new DateOnly(2024, 10, 8)));
        Assert.Equal(-2, _china.WorkingDaysBetween(new DateOnly(2024, 10, 8), new DateOnly(2024, 9, 29)));
        Assert.Equal(0, _china.WorkingDaysBetween(new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 1)));
    }

    [Fact]
    public void IsCovered_YearsOutsideOfficialData_AreNotCovered()
    {
        Assert.Equal([2024, 2025, 2026], _china.CoveredYears);
        Assert.True(_china.IsCovered(2025));
        Assert.False(_china.IsCovered(2023));
        Assert.False(_china.IsCovered(2027));
        Assert.False(_china.IsCovered(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void WithYear_NewYearEntries_ReplacesOnlyThatYearAndCoversIt()
    {
        var entries = new[]
        {
            new CalendarEntry(new DateOnly(2027, 1, 1), CalendarDayKind.StatutoryHoliday, "元旦", "test"),
        };

        var updated = _china.WithYear(2027, entries, "cn-2024-2027.1");

        Assert.Equal("cn-2024-2027.1", updated.Version);
        Assert.True(updated.IsCovered(2027));
        Assert.False(_china.IsCovered(2027));
        Assert.True(updated.IsRestDay(new DateOnly(2027, 1, 1)));
        Assert.False(_china.IsRestDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(_china.Entries.Count + 1, updated.Entries.Count);
    }

    [Fact]
    public void WithYear_ReplacingCoveredYear_DropsOldEntriesOfThatYear()
    {
        var updated = _china.WithYear(
            2025,
            [new CalendarEntry(new DateOnly(2025, 1, 1), CalendarDayKind.StatutoryHoliday, "元旦", "test")],
            "cn-test.2");

        Assert.True(updated.IsWorkingDay(new DateOnly(2025, 1, 28)));
        Assert.True(updated.IsRestDay(new DateOnly(2024, 10, 1)));
        Assert.Single(updated.Entries, e => e.Date.Year == 2025);
    }

    [Fact]
    public void WithYear_EntryOutsideYear_Throws()
    {
        var entries = new[] { new CalendarEntry(new DateOnly(2028, 1, 1), CalendarDayKind.StatutoryHoliday, "元旦", "test") };

        Assert.Throws<ArgumentException>(() => _china.WithYear(2027, entries, "x"));
    }

    [Fact]
    public void Constructor_DuplicateDate_Throws()
    {
        var day = new DateOnly(2027, 1, 1);

        Assert.Throws<ArgumentException>(() => new HolidayCalendar(
            "x",
            [new CalendarEntry(day, CalendarDayKind.StatutoryHoliday, "a", "s"), new CalendarEntry(day, CalendarDayKind.Workday, "b", "s")]));
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
