using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.UnitTests.Jobs;

public sealed class CronScheduleTests
{
    private static readonly TimeSpan _plus8 = TimeSpan.FromHours(8);

    [Fact]
    public void Next_NightlyAt0230BeforeItInShanghai_IsTheSameNightAt1830Utc()
    {
        var next = CronSchedule.Next("30 2 * * *", CronSchedule.ChinaTimeZoneId, new DateTimeOffset(2026, 6, 1, 2, 25, 0, _plus8));

        Assert.Equal(new DateTimeOffset(2026, 5, 31, 18, 30, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void Next_AtTheOccurrenceItself_IsTheFollowingNight()
    {
        var next = CronSchedule.Next("30 2 * * *", CronSchedule.ChinaTimeZoneId, new DateTimeOffset(2026, 6, 1, 2, 30, 0, _plus8));

        Assert.Equal(new DateTimeOffset(2026, 6, 2, 2, 30, 0, _plus8), next);
    }

    [Fact]
    public void Next_UtcMidEveningIsAlreadyTomorrowInShanghai_CountsTheShanghaiDay()
    {
        // 19:00 UTC on 31 May is 03:00 on 1 June in Shanghai: that night's 02:30 has passed.
        var next = CronSchedule.Next("30 2 * * *", CronSchedule.ChinaTimeZoneId, new DateTimeOffset(2026, 5, 31, 19, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 6, 2, 2, 30, 0, _plus8), next);
    }

    [Fact]
    public void Next_WeekdaysAtNine_SkipsTheWeekendInShanghai()
    {
        // Friday 5 June 2026, 10:00 in Shanghai → Monday 8 June, 09:00.
        var next = CronSchedule.Next("0 9 * * 1-5", CronSchedule.ChinaTimeZoneId, new DateTimeOffset(2026, 6, 5, 10, 0, 0, _plus8));

        Assert.Equal(new DateTimeOffset(2026, 6, 8, 9, 0, 0, _plus8), next);
    }

    [Fact]
    public void Next_SixFields_ReadsTheFirstAsSeconds()
    {
        var next = CronSchedule.Next("*/15 * * * * *", CronSchedule.ChinaTimeZoneId, new DateTimeOffset(2026, 6, 1, 10, 0, 1, _plus8));

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 10, 0, 15, _plus8), next);
    }

    [Theory]
    [InlineData("61 2 * * *", CronSchedule.ChinaTimeZoneId)]
    [InlineData("every night", CronSchedule.ChinaTimeZoneId)]
    [InlineData("30 2 * * *", "Mars/Olympus_Mons")]
    public void AddRecurringJob_InvalidCronOrZone_ThrowsAtRegistration(string cron, string zone)
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddRecurringJob<NoopJob>("nightly", cron, zone));
    }

    [Fact]
    public void AddRecurringJob_SameNameTwice_Throws()
    {
        var services = new ServiceCollection().AddRecurringJob<NoopJob>("nightly", "30 2 * * *");

        Assert.Throws<ArgumentException>(() => services.AddRecurringJob<NoopJob>("nightly", "0 3 * * *"));
    }

    private sealed class NoopJob : IJob
    {
        public static string Kind => "test.noop";

        public Task RunAsync(JobContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
