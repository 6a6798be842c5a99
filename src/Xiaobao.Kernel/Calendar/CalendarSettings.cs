namespace Xiaobao.Kernel.Calendar;

/// <summary>Choices about how a calendar is read that the law leaves open.</summary>
/// <param name="WeekendCountsAsRest">
/// Whether an ordinary Saturday or Sunday counts as a statutory rest day (法定休假日) when a civil-law period
/// ending on it is rolled forward (民法典 art 203). Prevailing court practice says yes, but the rule book
/// marks it unverified (M), so it stays a setting.
/// </param>
public sealed record CalendarSettings(bool WeekendCountsAsRest = true)
{
    /// <summary>Weekends count as rest.</summary>
    public static CalendarSettings Default { get; } = new();
}
