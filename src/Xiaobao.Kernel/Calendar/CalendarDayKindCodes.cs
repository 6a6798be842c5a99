using System.Diagnostics.CodeAnalysis;

namespace Xiaobao.Kernel.Calendar;

/// <summary>The stable text codes of <see cref="CalendarDayKind"/> used in files and tables (RULES.md §19.1).</summary>
public static class CalendarDayKindCodes
{
    public const string Workday = "workday";
    public const string Rest = "rest";
    public const string StatutoryHoliday = "statutory_holiday";
    public const string MakeupWorkday = "makeup_workday";

    public static string ToCode(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Workday => Workday,
        CalendarDayKind.Rest => Rest,
        CalendarDayKind.StatutoryHoliday => StatutoryHoliday,
        CalendarDayKind.MakeupWorkday => MakeupWorkday,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown calendar day kind."),
    };

    public static bool TryParse(string? code, [NotNullWhen(true)] out CalendarDayKind? kind)
    {
        kind = code switch
        {
            Workday => CalendarDayKind.Workday,
            Rest => CalendarDayKind.Rest,
            StatutoryHoliday => CalendarDayKind.StatutoryHoliday,
            MakeupWorkday => CalendarDayKind.MakeupWorkday,
            _ => null,
        };
        return kind is not null;
    }
}
