using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Xiaobao.Kernel.Jobs;

/// <summary>A job kind the runner can execute, and the class that does it.</summary>
public sealed record JobRegistration(string Kind, Type JobType);

/// <summary>A job the runner enqueues on a cron schedule (see <see cref="CronSchedule"/>).</summary>
public sealed record RecurringJobRegistration(string Name, string Kind, string Cron, string TimeZone, int? MaxAttempts);

/// <summary>Registers jobs from a module's <c>AddXModule()</c>.</summary>
public static class JobServices
{
    public const int MaxNameLength = 100;

    /// <summary>Lets the runner execute <typeparamref name="TJob"/> (resolved per attempt from a fresh scope).</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(services);
        CheckName(TJob.Kind, nameof(IJob.Kind));
        var existing = services.Select(d => d.ImplementationInstance).OfType<JobRegistration>().FirstOrDefault(r => r.Kind == TJob.Kind);
        if (existing is not null && existing.JobType != typeof(TJob))
        {
            throw new InvalidOperationException($"Job kind '{TJob.Kind}' is registered for both {existing.JobType.Name} and {typeof(TJob).Name}.");
        }

        if (existing is null)
        {
            services.AddSingleton(new JobRegistration(TJob.Kind, typeof(TJob)));
        }

        services.TryAddScoped<TJob>();
        return services;
    }

    /// <summary>
    /// Runs <typeparamref name="TJob"/> at every occurrence of <paramref name="cron"/> in <paramref name="timeZone"/>
    /// (China time by default), once per occurrence however many nodes share the database. An occurrence missed while no
    /// node ran is caught up once, not once per missed occurrence.
    /// </summary>
    /// <param name="name">The schedule's stable name, shown on the admin page.</param>
    /// <param name="cron">Five fields (minute hour day month weekday), or six with seconds first.</param>
    /// <param name="timeZone">An IANA time zone id.</param>
    /// <param name="maxAttempts">Attempts per occurrence; the runner's default when null.</param>
    /// <exception cref="ArgumentException">The name is taken, or the cron expression or time zone is not valid.</exception>
    public static IServiceCollection AddRecurringJob<TJob>(
        this IServiceCollection services, string name, string cron, string timeZone = CronSchedule.ChinaTimeZoneId, int? maxAttempts = null)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(services);
        CheckName(name, nameof(name));
        CronSchedule.Validate(cron, timeZone);
        if (services.Select(d => d.ImplementationInstance).OfType<RecurringJobRegistration>().Any(r => r.Name == name))
        {
            throw new ArgumentException($"A recurring job named '{name}' is already registered.", nameof(name));
        }

        services.AddJob<TJob>();
        services.AddSingleton(new RecurringJobRegistration(name, TJob.Kind, cron, timeZone, maxAttempts));
        return services;
    }

    private static void CheckName(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength)
        {
            throw new ArgumentException($"Job names have 1 to {MaxNameLength} characters: '{value}'.", parameter);
        }
    }
}
