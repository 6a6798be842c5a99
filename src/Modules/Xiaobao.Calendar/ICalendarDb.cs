using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Xiaobao.Calendar.Domain;

namespace Xiaobao.Calendar;

/// <summary>The calendar module's tables. Calendar data is the same for every organisation, so it is not scoped.</summary>
public interface ICalendarDb
{
    DbSet<CalendarDay> CalendarDays { get; }

    DbSet<CalendarYear> CalendarYears { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
