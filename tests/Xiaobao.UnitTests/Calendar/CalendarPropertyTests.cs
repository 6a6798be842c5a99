using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.UnitTests.Calendar;

public sealed class CalendarPropertyTests
{
    private static readonly HolidayCalendar _china = OfficialCalendars.ChinaMainland();
    private static readonly HolidayCalendar _chinaWeekendsNotRest =
        OfficialCalendars.ChinaMainland(new CalendarSettings(WeekendCountsAsRest: false));

    private static readonly DateOnly _first = new(2024, 1, 1);
    private static readonly DateOnly _last = new(2026, 12, 31);

    // Uniform dates rarely land next to a holiday, so half the samples are drawn from around holiday blocks.
    private static readonly Gen<DateOnly> _dates = Gen.OneOf(
        Gen.Choose(0, _last.DayNumber - _first.DayNumber).Select(_first.AddDays),
        Gen.Elements(_china.Entries.Where(e => e.Date >= _first).Select(e => e.Date))
            .SelectMany(d => Gen.Choose(-12, 12).Select(d.AddDays)));

    [Property(MaxTest = 500)]
    public Property AddWorkingDays_PositiveN_LandsOnWorkingDay() =>
        Prop.ForAll(Arb.From(Gen.Zip(_dates, Gen.Choose(1, 40), (d, n) => (d, n))), t =>
            _china.IsWorkingDay(_china.AddWorkingDays(t.d, t.n)));

    [Property(MaxTest = 500)]
    public Property WorkingDaysBetween_StartAndAddWorkingDays_ReturnsN() =>
        Prop.ForAll(Arb.From(Gen.Zip(_dates, Gen.Choose(-40, 40), (d, n) => (d, n))), t =>
            _china.WorkingDaysBetween(t.d, _china.AddWorkingDays(t.d, t.n)) == t.n);

    [Property(MaxTest = 500)]
    public Property AddWorkingDays_IncreasingN_StrictlyIncreases() =>
        Prop.ForAll(Arb.From(Gen.Zip(_dates, Gen.Choose(0, 39), (d, n) => (d, n))), t =>
            _china.AddWorkingDays(t.d, t.n) < _china.AddWorkingDays(t.d, t.n + 1));

    [Property(MaxTest = 500)]
    public Property Due_CalendarDaysWithRollForward_NeverEndsOnRestDayOrBeforeNominal() =>
        Prop.ForAll(Arb.From(Triggers()), t =>
        {
            var (calendar, received, rule) = t;
            var due = DeadlineCalculator.Due(calendar, received, rule, DeadlineCalculator.ChinaStandardTime);
            var nominal = DeadlineCalculator.Due(calendar, received, rule with { RollForwardIfRestDay = false }, DeadlineCalculator.ChinaStandardTime);

            return !calendar.IsRestDay(due.LastDay)
                && due.LastDay >= nominal.LastDay
                && due.DueAt == new DateTimeOffset(due.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        });

    [Property(MaxTest = 500)]
    public Property Due_NominalDayIsWorkingDay_KeepsNominalDay() =>
        Prop.ForAll(Arb.From(Triggers()), t =>
        {
            var (calendar, received, rule) = t;
            var due = DeadlineCalculator.Due(calendar, received, rule, DeadlineCalculator.ChinaStandardTime);
            var nominal = DeadlineCalculator.Due(calendar, received, rule with { RollForwardIfRestDay = false }, DeadlineCalculator.ChinaStandardTime);

            return !calendar.IsWorkingDay(nominal.LastDay) || due.LastDay == nominal.LastDay;
        });

    private static Gen<(HolidayCalendar Calendar, DateTimeOffset Received, PeriodRule Rule)> Triggers() =>
        from day in _dates
        from minute in Gen.Choose(0, (24 * 60) - 1)
        from length in Gen.Choose(1, 40)
        from calendar in Gen.Elements(_china, _chinaWeekendsNotRest)
        select (
            calendar,
            new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute), TimeSpan.FromHours(8)),
            new PeriodRule(length, PeriodUnit.CalendarDay));
}
