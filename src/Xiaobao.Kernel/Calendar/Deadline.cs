namespace Xiaobao.Kernel.Calendar;

/// <summary>The end of a period.</summary>
/// <param name="LastDay">The last day of the period in the deadline's time zone, after any roll-forward.</param>
/// <param name="DueAt">24:00 of <paramref name="LastDay"/>, i.e. 00:00 of the following day, in that zone.</param>
/// <param name="CalendarCovered">
/// False when any year from the trigger day to the last day has no official holiday data, so the result
/// relied on the default week and should be shown with a warning.
/// </param>
public sealed record Deadline(DateOnly LastDay, DateTimeOffset DueAt, bool CalendarCovered);
