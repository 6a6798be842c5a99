using Microsoft.EntityFrameworkCore;
using Xiaobao.Jobs.Features.Run;
using Xiaobao.Kernel.Paging;

namespace Xiaobao.Jobs.Features.Manage;

/// <summary>The queue and its history, newest first, and the recurring schedules this installation registers.</summary>
public static class ListJobs
{
    public static async Task<Page<JobDto>> HandleAsync(IJobsDb db, JobFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var query = db.Jobs.AsNoTracking();
        if (filter.State is { } state)
        {
            query = query.Where(j => j.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(j => j.Kind == filter.Kind);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<JobDto>(rows.Select(JobDto.From).ToList(), total, page.SafePage, page.SafeSize);
    }

    public static async Task<JobDto?> FindAsync(IJobsDb db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job ? JobDto.From(job) : null;
    }

    internal static async Task<IReadOnlyList<ScheduleDto>> SchedulesAsync(IJobsDb db, JobRegistry registry, CancellationToken ct)
    {
        // Only what this version registers: a schedule dropped from the code neither runs nor shows.
        var names = registry.ScheduleNames.ToList();
        var rows = await db.RecurringSchedules.AsNoTracking().Where(s => names.Contains(s.Name)).OrderBy(s => s.Name).ToListAsync(ct);
        return rows.Select(ScheduleDto.From).ToList();
    }
}
