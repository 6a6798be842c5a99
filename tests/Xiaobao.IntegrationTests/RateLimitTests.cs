using System.Net;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task TokenEndpoint_TooManyAnonymousRequests_Answers429Problem()
    {
        using var app = new XiaobaoAppFactory(TestDatabases.Sqlite);
        app.Settings["Security:AnonymousRequestsPerMinute"] = "3";
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "Wrong-password-1" })).StatusCode);
        }

        var limited = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "Wrong-password-1" });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        await HttpAssertions.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
    }
}
