namespace Xiaobao.Kernel.Calendar;

/// <summary>A period as a rule states it, e.g. "15日内" is <c>new PeriodRule(15, PeriodUnit.CalendarDay)</c>.</summary>
/// <param name="Length">How many units; at least 1.</param>
/// <param name="Unit">What is counted.</param>
/// <param name="StartExclusive">
/// Count from the day after the trigger day (民法典 art 201). When false the trigger day is the first day.
/// </param>
/// <param name="RollForwardIfRestDay">
/// When the last day is a rest day, move it to the first day after the rest period (民法典 art 203).
/// </param>
public sealed record PeriodRule(int Length, PeriodUnit Unit, bool StartExclusive = true, bool RollForwardIfRestDay = true);
