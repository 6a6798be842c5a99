using Cronos;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Kernel.Jobs;

/// <summary>Cron expressions (parsed by Cronos) evaluated in a named time zone, so "30 2 * * *" means 02:30 in Shanghai.</summary>
public static class CronSchedule
{
    public const string ChinaTimeZoneId = "Asia/Shanghai";

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC; null when the expression never fires again.</summary>
    public static DateTimeOffset? Next(string cron, string timeZone, DateTimeOffset after) =>
        Parse(cron).GetNextOccurrence(after, Zone(timeZone))?.ToUniversalTime();

    /// <exception cref="ArgumentException">The expression or the zone is not valid.</exception>
    public static void Validate(string cron, string timeZone)
    {
        try
        {
            Parse(cron);
            Zone(timeZone);
        }
        catch (Exception e) when (e is CronFormatException or TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentNullException)
        {
            throw new ArgumentException($"Not a valid schedule: '{cron}' in '{timeZone}': {e.Message}", nameof(cron), e);
        }
    }

    /// <summary>China's zone even where tzdata is missing; any other IANA id from the system.</summary>
    public static TimeZoneInfo Zone(string timeZone) =>
        timeZone == ChinaTimeZoneId ? DeadlineCalculator.ChinaStandardTime : TimeZoneInfo.FindSystemTimeZoneById(timeZone);

    private static CronExpression Parse(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }
}
