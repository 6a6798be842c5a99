namespace Xiaobao.Kernel.Calendar;

/// <summary>The calendar every deadline rule counts on: the official data as edited by administrators.</summary>
public interface IHolidayCalendarProvider
{
    ValueTask<HolidayCalendar> GetAsync(CancellationToken cancellationToken);
}
