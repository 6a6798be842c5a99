namespace Xiaobao.Kernel.Calendar;

/// <summary>Computes when a period ends, counted as Chinese civil law counts (民法典 arts 201–203).</summary>
public static class DeadlineCalculator
{
    private static readonly Lazy<TimeZoneInfo> _chinaStandardTime = new(FindChinaStandardTime);

    /// <summary>China Standard Time (UTC+8, "Asia/Shanghai").</summary>
    public static TimeZoneInfo ChinaStandardTime => _chinaStandardTime.Value;

    /// <summary>The end of a period triggered at <paramref name="trigger"/>.</summary>
    /// <param name="calendar">Working days and rest days.</param>
    /// <param name="trigger">The event that starts the period, e.g. receipt of a complaint.</param>
    /// <param name="rule">How long the period is and how it is counted.</param>
    /// <param name="zone">The zone whose calendar days count, normally <see cref="ChinaStandardTime"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rule's length is less than 1.</exception>
    public static Deadline Due(HolidayCalendar calendar, DateTimeOffset trigger, PeriodRule rule, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Length, 1, nameof(rule));

        var triggerDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(trigger, zone).DateTime);
        var lastDay = NominalLastDay(calendar, triggerDay, rule);

        if (rule.RollForwardIfRestDay)
        {
            // Art 203 moves the end to the day after the rest period, not to the next working day: with
            // WeekendCountsAsRest off, a holiday ending on a Friday ends the period on the Saturday.
            while (calendar.IsRestDay(lastDay))
            {
                lastDay = lastDay.AddDays(1);
            }
        }

        return new Deadline(lastDay, EndOfDay(lastDay, zone), calendar.IsCovered(triggerDay, lastDay));
    }

    private static DateOnly NominalLastDay(HolidayCalendar calendar, DateOnly triggerDay, PeriodRule rule)
    {
        if (rule.Unit == PeriodUnit.WorkingDay)
        {
            // Counting from the trigger day itself makes it the first working day when it is one.
            var anchor = rule.StartExclusive ? triggerDay : triggerDay.AddDays(-1);
            return calendar.AddWorkingDays(anchor, rule.Length);
        }

        var corresponding = rule.Unit switch
        {
            PeriodUnit.CalendarDay => triggerDay.AddDays(rule.Length),
            PeriodUnit.Week => triggerDay.AddDays(checked(rule.Length * 7)),

            // AddMonths clamps to the month's last day, which is art 202's "没有对应日的，月末日为期间的最后一日".
            PeriodUnit.Month => triggerDay.AddMonths(rule.Length),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Unit, "Unknown period unit."),
        };

        // Counting from the trigger day itself makes it day 1, so the period ends the day before the corresponding day.
        return rule.StartExclusive ? corresponding : corresponding.AddDays(-1);
    }

    private static DateTimeOffset EndOfDay(DateOnly lastDay, TimeZoneInfo zone)
    {
        var midnight = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static TimeZoneInfo FindChinaStandardTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Slim containers ship without tzdata; China has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
