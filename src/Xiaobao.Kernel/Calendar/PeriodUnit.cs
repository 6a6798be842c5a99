namespace Xiaobao.Kernel.Calendar;

/// <summary>The unit a period is counted in.</summary>
public enum PeriodUnit
{
    /// <summary>"日" without qualification: calendar days (RULES.md §3.29).</summary>
    CalendarDay,

    /// <summary>"工作日": days the calendar marks as working days, make-up days included.</summary>
    WorkingDay,

    /// <summary>Weeks, ending on the corresponding weekday of the last week.</summary>
    Week,

    /// <summary>Months, ending on the corresponding day of the last month, clamped to its end.</summary>
    Month,
}
