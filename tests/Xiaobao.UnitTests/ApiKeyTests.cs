using Xiaobao.Access.Domain;

namespace Xiaobao.UnitTests;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Issue_TokenRoundTrip_VerifiesOnlyTheIssuedSecret()
    {
        var (key, token) = ApiKey.Issue("核心系统", Guid.CreateVersion7(), "/a/", ["organisations.read"], Guid.Empty, s_now, null);

        Assert.True(ApiKey.TryParse(token, out var lookup, out var secret));
        Assert.Equal(key.Lookup, lookup);
        Assert.True(key.Verify(secret));
        Assert.False(key.Verify(secret + "x"));
        Assert.DoesNotContain(secret, key.SecretHash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("xbk_short_secret")]
    [InlineData("xbk_0123456789abcdef_")]
    public void TryParse_MalformedToken_False(string token) => Assert.False(ApiKey.TryParse(token, out _, out _));

    [Fact]
    public void IsUsableAt_RevokedOrExpired_False()
    {
        var (expiring, _) = ApiKey.Issue("k", Guid.Empty, "/a/", [], Guid.Empty, s_now, s_now.AddDays(1));
        var (revoked, _) = ApiKey.Issue("k", Guid.Empty, "/a/", [], Guid.Empty, s_now, null);
        revoked.Revoke(s_now);

        Assert.True(expiring.IsUsableAt(s_now));
        Assert.False(expiring.IsUsableAt(s_now.AddDays(2)));
        Assert.False(revoked.IsUsableAt(s_now));
    }
}
