namespace Xiaobao.Kernel.Calendar;

/// <summary>What a date is in a working-day calendar.</summary>
public enum CalendarDayKind
{
    /// <summary>An ordinary working day.</summary>
    Workday,

    /// <summary>A rest day that is not a statutory holiday, usually an ordinary weekend day.</summary>
    Rest,

    /// <summary>A day inside an official holiday block (法定节假日), weekend days inside the block included.</summary>
    StatutoryHoliday,

    /// <summary>A weekend day declared a working day to make up for a holiday (调休上班).</summary>
    MakeupWorkday,
}
