using System.Globalization;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.UnitTests.Calendar;

public sealed class DeadlineCalculatorTests
{
    private static readonly HolidayCalendar _china = OfficialCalendars.ChinaMainland();
    private static readonly TimeZoneInfo _cst = DeadlineCalculator.ChinaStandardTime;
    private static readonly TimeSpan _plus8 = TimeSpan.FromHours(8);
    private static readonly PeriodRule _fifteenDays = new(15, PeriodUnit.CalendarDay);

    [Fact]
    public void Due_PublishedExampleReceivedBeforeNationalDay_EndsTuesdayAfterHoliday()
    {
        var received = new DateTimeOffset(2024, 9, 20, 10, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, _fifteenDays, _cst);

        Assert.Equal(new DateOnly(2024, 10, 8), deadline.LastDay);
        Assert.Equal(new DateTimeOffset(2024, 10, 9, 0, 0, 0, _plus8), deadline.DueAt);
        Assert.Equal(_plus8, deadline.DueAt.Offset);
        Assert.True(deadline.CalendarCovered);
    }

    [Fact]
    public void Due_FifteenDaysOnOrdinaryWeekdays_EndsOnNominalDay()
    {
        var received = new DateTimeOffset(2024, 3, 4, 16, 30, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, _fifteenDays, _cst);

        Assert.Equal(new DateOnly(2024, 3, 19), deadline.LastDay);
        Assert.Equal(new DateTimeOffset(2024, 3, 20, 0, 0, 0, _plus8), deadline.DueAt);
    }

    [Fact]
    public void Due_NominalDayOnSaturday_RollsToMonday()
    {
        var received = new DateTimeOffset(2024, 3, 1, 9, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, _fifteenDays, _cst);

        Assert.Equal(new DateOnly(2024, 3, 18), deadline.LastDay);
    }

    [Fact]
    public void Due_RollForwardOff_KeepsSaturday()
    {
        var received = new DateTimeOffset(2024, 3, 1, 9, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, _fifteenDays with { RollForwardIfRestDay = false }, _cst);

        Assert.Equal(new DateOnly(2024, 3, 16), deadline.LastDay);
    }

    [Fact]
    public void Due_WeekendsDoNotCountAndNominalDayPlainSunday_DoesNotRoll()
    {
        var calendar = OfficialCalendars.ChinaMainland(new CalendarSettings(WeekendCountsAsRest: false));
        var received = new DateTimeOffset(2024, 3, 2, 9, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(calendar, received, _fifteenDays, _cst);

        Assert.Equal(new DateOnly(2024, 3, 17), deadline.LastDay);
        Assert.Equal(DayOfWeek.Sunday, deadline.LastDay.DayOfWeek);
    }

    [Fact]
    public void Due_WeekendsDoNotCountAndNominalDayInHoliday_RollsPastHoliday()
    {
        var calendar = OfficialCalendars.ChinaMainland(new CalendarSettings(WeekendCountsAsRest: false));

        var nationalDay = DeadlineCalculator.Due(calendar, new DateTimeOffset(2024, 9, 20, 10, 0, 0, _plus8), _fifteenDays, _cst);
        // Qingming 2025 is Fri 4 April to Sun 6 April; its Sunday is part of the holiday block.
        var qingming = DeadlineCalculator.Due(calendar, new DateTimeOffset(2025, 3, 21, 10, 0, 0, _plus8), _fifteenDays, _cst);

        Assert.Equal(new DateOnly(2024, 10, 8), nationalDay.LastDay);
        Assert.Equal(new DateOnly(2025, 4, 7), qingming.LastDay);
    }

    [Fact]
    public void Due_TriggerLateEveningUtc_CountsFromChinaDate()
    {
        // 23:30 UTC on 19 September is 07:30 on 20 September in Beijing.
        var received = new DateTimeOffset(2024, 9, 19, 23, 30, 0, TimeSpan.Zero);

        var deadline = DeadlineCalculator.Due(_china, received, _fifteenDays, _cst);

        Assert.Equal(new DateOnly(2024, 10, 8), deadline.LastDay);
    }

    [Fact]
    public void Due_SevenWorkingDaysFromRegulatorReceipt_CountsMakeupDaysAndSkipsHoliday()
    {
        var received = new DateTimeOffset(2024, 9, 27, 15, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, new PeriodRule(7, PeriodUnit.WorkingDay), _cst);

        // Sep 29 (make-up Sunday), Sep 30, Oct 8, 9, 10, 11, Oct 12 (make-up Saturday).
        Assert.Equal(new DateOnly(2024, 10, 12), deadline.LastDay);
        Assert.Equal(new DateTimeOffset(2024, 10, 13, 0, 0, 0, _plus8), deadline.DueAt);
    }

    [Fact]
    public void Due_WorkingDaysStartInclusive_CountsTriggerDay()
    {
        var received = new DateTimeOffset(2024, 9, 27, 15, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, new PeriodRule(2, PeriodUnit.WorkingDay, StartExclusive: false), _cst);

        Assert.Equal(new DateOnly(2024, 9, 29), deadline.LastDay);
    }

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2025-01-31", 1, "2025-02-28")]
    [InlineData("2025-03-31", 1, "2025-04-30")]
    [InlineData("2024-08-31", 1, "2024-09-30")]
    [InlineData("2024-11-30", 3, "2025-02-28")]
    public void Due_MonthPeriodFromLongerMonth_ClampsToMonthEnd(string trigger, int months, string expected)
    {
        var received = new DateTimeOffset(D(trigger).ToDateTime(new TimeOnly(12, 0)), _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, new PeriodRule(months, PeriodUnit.Month), _cst);

        Assert.Equal(D(expected), deadline.LastDay);
    }

    [Fact]
    public void Due_MonthEndingOnHoliday_RollsForward()
    {
        // One month from 1 September 2024 is 1 October, inside National Day.
        var received = new DateTimeOffset(2024, 9, 1, 12, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, new PeriodRule(1, PeriodUnit.Month), _cst);

        Assert.Equal(new DateOnly(2024, 10, 8), deadline.LastDay);
    }

    [Fact]
    public void Due_OneWeek_EndsOnSameWeekdayNextWeek()
    {
        var received = new DateTimeOffset(2024, 9, 23, 12, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, new PeriodRule(1, PeriodUnit.Week), _cst);

        Assert.Equal(new DateOnly(2024, 9, 30), deadline.LastDay);
    }

    [Fact]
    public void Due_ThirtyDaysFromLateDecember2026_IsFlaggedUncovered()
    {
        var received = new DateTimeOffset(2026, 12, 20, 12, 0, 0, _plus8);

        var deadline = DeadlineCalculator.Due(_china, received, new PeriodRule(30, PeriodUnit.CalendarDay), _cst);

        Assert.Equal(new DateOnly(2027, 1, 19), deadline.LastDay);
        Assert.False(deadline.CalendarCovered);
    }

    [Fact]
    public void Due_ZeroLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeadlineCalculator.Due(_china, DateTimeOffset.UnixEpoch, new PeriodRule(0, PeriodUnit.CalendarDay), _cst));
    }

    [Fact]
    public void ChinaStandardTime_Always_IsUtcPlusEight()
    {
        Assert.Equal(_plus8, _cst.GetUtcOffset(new DateTime(2025, 7, 1, 12, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(_plus8, _cst.GetUtcOffset(new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Unspecified)));
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
