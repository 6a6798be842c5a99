using Microsoft.EntityFrameworkCore;
using Xiaobao.Calendar.Domain;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Calendar.Features.ManageCalendar;

public sealed record CalendarYearDto(int Year, string? Version, DateTimeOffset? UpdatedAt, IReadOnlyList<CalendarEntry> Entries);

/// <summary>Reads, replaces and seeds the calendar one year at a time: a year is always whole, never half-imported.</summary>
public sealed class CalendarYears(ICalendarDb db, IHolidayCalendarProvider provider, TimeProvider clock, IAuditLog audit)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public async Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken ct) =>
        await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct);

    public async Task<CalendarYearDto> GetAsync(int year, CancellationToken ct)
    {
        var meta = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(ct);
        return new CalendarYearDto(year, meta?.Version, meta?.UpdatedAt, days.Select(d => d.ToEntry()).ToList());
    }

    /// <summary>Replaces a year from the CSV layout of <see cref="CalendarYearFile"/>; any bad row rejects the whole file.</summary>
    public async Task<IReadOnlyList<CalendarRowError>> ImportAsync(int year, string csv, string version, CancellationToken ct)
    {
        CheckYear(year);
        if (string.IsNullOrWhiteSpace(version) || version.Length > 50)
        {
            throw ValidationFailedException.For("version", UiText.Format("Error.Calendar.VersionLength", 50));
        }

        var parsed = CalendarYearFile.Parse(csv, year);
        if (!parsed.Succeeded)
        {
            return parsed.Errors;
        }

        await ReplaceAsync(year, parsed.Entries, version, ct);
        return [];
    }

    /// <summary>Adds or changes one day of a year, or removes it when <paramref name="kind"/> is null.</summary>
    public async Task SetDayAsync(DateOnly date, CalendarDayKind? kind, string name, string source, CancellationToken ct)
    {
        CheckYear(date.Year);
        var current = (await GetAsync(date.Year, ct)).Entries.Where(e => e.Date != date).ToList();
        if (kind is { } k)
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(name) || name.Length > CalendarDay.NameMaxLength)
            {
                errors.Add("name", UiText.Format("Error.Calendar.NameLength", CalendarDay.NameMaxLength));
            }

            if (string.IsNullOrWhiteSpace(source) || source.Length > CalendarDay.SourceMaxLength)
            {
                errors.Add("source", UiText.Format("Error.Calendar.SourceLength", CalendarDay.SourceMaxLength));
            }

            if (!errors.IsEmpty)
            {
                throw new ValidationFailedException(errors);
            }

            current.Add(new CalendarEntry(date, k, name.Trim(), source.Trim()));
        }

        await ReplaceAsync(date.Year, current, $"edit-{clock.GetUtcNow():yyyyMMddHHmmss}", ct);
    }

    /// <summary>Loads the official data shipped with Xiaobao for every year the database does not have yet.</summary>
    public async Task SeedOfficialAsync(CancellationToken ct)
    {
        var official = OfficialCalendars.ChinaMainland();
        var have = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var year in official.CoveredYears.Except(have))
        {
            await ReplaceAsync(year, official.Entries.Where(e => e.Date.Year == year), official.Version, ct);
        }
    }

    private async Task ReplaceAsync(int year, IEnumerable<CalendarEntry> entries, string version, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.CalendarDays.Where(d => d.Year == year).ExecuteDeleteAsync(ct);

        // The DELETE bypasses the change tracker; this entry records it, written with the save below.
        audit.Add(new AuditEvent(AuditActions.BulkDeleted, nameof(CalendarDay), null, new Dictionary<string, object?> { ["year"] = year, ["rows"] = removed }));
        db.CalendarDays.AddRange(entries.Where(e => e.Date.Year == year).Select(CalendarDay.From));
        var meta = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, ct);
        if (meta is null)
        {
            db.CalendarYears.Add(CalendarYear.Create(year, version, clock.GetUtcNow()));
        }
        else
        {
            meta.Replace(version, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        (provider as CalendarStore)?.Invalidate();
    }

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw ValidationFailedException.For("year", UiText.Format("Error.Calendar.YearRange", MinYear, MaxYear));
        }
    }
}
