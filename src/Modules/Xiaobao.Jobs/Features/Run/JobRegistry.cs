using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Jobs.Features.Run;

/// <summary>The job kinds and recurring schedules this node's modules registered.</summary>
internal sealed class JobRegistry
{
    private readonly Dictionary<string, JobRegistration> _jobs;
    private readonly Dictionary<string, RecurringJobRegistration> _schedules;

    public JobRegistry(IEnumerable<JobRegistration> jobs, IEnumerable<RecurringJobRegistration> schedules)
    {
        _jobs = jobs.ToDictionary(j => j.Kind, StringComparer.Ordinal);
        _schedules = schedules.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Kinds = [.. _jobs.Keys.Order(StringComparer.Ordinal)];
        ScheduleNames = [.. _schedules.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The kinds this node can run: it claims no other, so nodes of different versions can share one queue.</summary>
    public IReadOnlyList<string> Kinds { get; }

    public IReadOnlyList<string> ScheduleNames { get; }

    public IEnumerable<RecurringJobRegistration> Schedules => _schedules.Values;

    public JobRegistration? Find(string kind) => _jobs.GetValueOrDefault(kind);

    public RecurringJobRegistration? FindSchedule(string name) => _schedules.GetValueOrDefault(name);
}
