using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Xiaobao.Jobs.Domain;

namespace Xiaobao.Jobs;

/// <summary>The job module's tables. Jobs belong to the whole installation, so they are not organisation-scoped.</summary>
public interface IJobsDb
{
    DbSet<Job> Jobs { get; }

    DbSet<RecurringSchedule> RecurringSchedules { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
