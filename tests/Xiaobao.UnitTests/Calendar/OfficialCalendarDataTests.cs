using Xiaobao.Kernel.Calendar;

namespace Xiaobao.UnitTests.Calendar;

public sealed class OfficialCalendarDataTests
{
    private static readonly HolidayCalendar _china = OfficialCalendars.ChinaMainland();

    [Fact]
    public void ChinaMainland_Loaded_HasVersionAndIsCached()
    {
        Assert.Equal("cn-2024-2026.1", _china.Version);
        Assert.Same(_china, OfficialCalendars.ChinaMainland());
        Assert.Same(_china, OfficialCalendars.ChinaMainland(CalendarSettings.Default));
    }

    [Theory]
    [InlineData(2024, "元旦", 3)]
    [InlineData(2024, "春节", 8)]
    [InlineData(2024, "清明节", 3)]
    [InlineData(2024, "劳动节", 5)]
    [InlineData(2024, "端午节", 3)]
    [InlineData(2024, "中秋节", 3)]
    [InlineData(2024, "国庆节", 7)]
    [InlineData(2025, "元旦", 1)]
    [InlineData(2025, "春节", 8)]
    [InlineData(2025, "清明节", 3)]
    [InlineData(2025, "劳动节", 5)]
    [InlineData(2025, "端午节", 3)]
    [InlineData(2025, "国庆节、中秋节", 8)]
    [InlineData(2026, "元旦", 3)]
    [InlineData(2026, "春节", 9)]
    [InlineData(2026, "清明节", 3)]
    [InlineData(2026, "劳动节", 5)]
    [InlineData(2026, "端午节", 3)]
    [InlineData(2026, "中秋节", 3)]
    [InlineData(2026, "国庆节", 7)]
    public void ChinaMainland_HolidayBlock_HasNoticeLengthAndIsContiguous(int noticeYear, string name, int days)
    {
        var source = NoticeFor(noticeYear);
        var block = _china.Entries
            .Where(e => e.Source == source && e.Name == name && e.Kind == CalendarDayKind.StatutoryHoliday)
            .Select(e => e.Date)
            .ToList();

        Assert.Equal(days, block.Count);
        Assert.Equal(days - 1, block[^1].DayNumber - block[0].DayNumber);
    }

    [Theory]
    [InlineData(2024, 8)]
    [InlineData(2025, 5)]
    [InlineData(2026, 6)]
    public void ChinaMainland_MakeupDays_AreWeekendDaysAndMatchNoticeCount(int year, int count)
    {
        var makeups = _china.Entries.Where(e => e.Date.Year == year && e.Kind == CalendarDayKind.MakeupWorkday).ToList();

        Assert.Equal(count, makeups.Count);
        Assert.All(makeups, e => Assert.True(e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{e.Date} is a weekday"));
        Assert.All(makeups, e => Assert.Equal(NoticeFor(year), e.Source));
    }

    [Fact]
    public void ChinaMainland_EveryEntry_IsHolidayOrMakeupWithNameAndSource()
    {
        Assert.All(_china.Entries, e =>
        {
            Assert.True(e.Kind is CalendarDayKind.StatutoryHoliday or CalendarDayKind.MakeupWorkday);
            Assert.False(string.IsNullOrWhiteSpace(e.Name));
            Assert.StartsWith("国办发明电", e.Source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ChinaMainland_NewYear2024_IncludesPrecedingWeekendWithoutCovering2023()
    {
        Assert.Equal(CalendarDayKind.StatutoryHoliday, _china.KindOf(new DateOnly(2023, 12, 30)));
        Assert.False(_china.IsCovered(2023));
    }

    private static string NoticeFor(int year) => year switch
    {
        2024 => "国办发明电〔2023〕7号",
        2025 => "国办发明电〔2024〕12号",
        2026 => "国办发明电〔2025〕7号",
        _ => throw new ArgumentOutOfRangeException(nameof(year)),
    };
}
