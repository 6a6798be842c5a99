namespace Xiaobao.Kernel.Calendar;

/// <summary>
/// One exception to the default week (Monday to Friday work, Saturday and Sunday rest).
/// </summary>
/// <param name="Date">The day the exception applies to.</param>
/// <param name="Kind">What the day is instead of its default.</param>
/// <param name="Name">The festival or reason, e.g. "国庆节".</param>
/// <param name="Source">The document that declared it, e.g. "国办发明电〔2023〕7号".</param>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name, string Source);
