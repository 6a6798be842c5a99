using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Calendar.Domain;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Calendar.Features.ManageCalendar;

/// <summary>
/// Builds the <see cref="HolidayCalendar"/> from the database once and keeps it until an administrator changes a year.
/// Deadlines are computed on every complaint list; reading the calendar table each time would be waste.
/// </summary>
internal sealed class CalendarStore(IServiceScopeFactory scopes) : IHolidayCalendarProvider, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HolidayCalendar? _current;

    public async ValueTask<HolidayCalendar> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ICalendarDb>();
                var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
                var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
                var version = years.Count == 0 ? "empty" : string.Join("+", years.Select(y => y.Version).Distinct());
                _current = new HolidayCalendar(version, days.Select(d => d.ToEntry()), coveredYears: years.Select(y => y.Year));
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _current = null;

    public void Dispose() => _gate.Dispose();
}
