using Xiaobao.Jobs.Domain;

namespace Xiaobao.UnitTests.Jobs;

public sealed class BackoffTests
{
    private static readonly TimeSpan _base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _cap = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    public void Delay_MiddleJitter_DoublesFromTheBaseDelay(int failedAttempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Backoff.Delay(failedAttempt, _base, _cap, jitter: 0.5));
    }

    [Fact]
    public void Delay_JitterAtItsEnds_SpreadsTwentyPercentEitherWay()
    {
        Assert.Equal(TimeSpan.FromSeconds(24), Backoff.Delay(1, _base, _cap, jitter: 0));
        Assert.True(Backoff.Delay(1, _base, _cap, jitter: 0.999_999) < TimeSpan.FromSeconds(36));
        Assert.True(Backoff.Delay(1, _base, _cap, jitter: 0.999_999) > TimeSpan.FromSeconds(35.99));
    }

    [Fact]
    public void Delay_WorstJitterEachTime_StillGrowsUntilTheCap()
    {
        // The longest wait after one failure is shorter than the shortest after the next.
        for (var attempt = 1; attempt < 7; attempt++)
        {
            Assert.True(Backoff.Delay(attempt, _base, _cap, 0.999_999) < Backoff.Delay(attempt + 1, _base, _cap, 0), $"attempt {attempt}");
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(10_000)]
    public void Delay_ManyFailures_StaysWithinTheCapAndItsJitter(int failedAttempt)
    {
        Assert.Equal(_cap, Backoff.Delay(failedAttempt, _base, _cap, jitter: 0.5));
        Assert.InRange(Backoff.Delay(failedAttempt, _base, _cap, jitter: 0.999_999), _cap, _cap * 1.2);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.0)]
    public void Delay_AttemptOrJitterOutOfRange_Throws(int failedAttempt, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(failedAttempt, _base, _cap, jitter));
    }
}
