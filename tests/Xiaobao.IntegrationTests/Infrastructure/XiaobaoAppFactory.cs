using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Xiaobao.IntegrationTests.Infrastructure;

/// <summary>
/// The real application, over HTTP, on a fresh database of one provider, with the demo insurer seeded. Given a
/// <paramref name="database"/> connection string, it runs on that one instead and leaves it (and its key file) in place
/// when disposed (a restart of the same installation, or a second node sharing it); the test that made it drops it.
/// </summary>
public sealed class XiaobaoAppFactory(string provider, string? database = null) : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Xiaobao2026";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Lock s_startGate = new();

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _tokenGate = new(1, 1);

    public string Provider { get; } = provider;

    public string ConnectionString { get; } = database ?? TestDatabases.CreateEmpty(provider);

    /// <summary>The demo key file of this installation, beside its database rather than in the test's working folder.</summary>
    public string KeyFile => KeyFileOf(ConnectionString);

    /// <summary>Everything the app logged, as its sinks received it (after redaction).</summary>
    public CapturedLogs Logs { get; } = new();

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Replaces services after the app registered its own: a fake clock, jobs that exist only in tests.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public static string KeyFileOf(string connectionString) => Path.Combine(Path.GetTempPath(), "xiaobao-tests", $"{TestDatabases.NameOf(connectionString)}.keys.json");

    /// <summary>A client signed in as <paramref name="userName"/> through the token endpoint.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(userName, password));
        return client;
    }

    public async Task<string> TokenForAsync(string userName, string password = DemoPassword)
    {
        await _tokenGate.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(userName, out var token))
            {
                using var client = CreateClient();
                var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
                response.EnsureSuccessStatusCode();
                token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
                _tokens[userName] = token;
            }

            return token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["Database:ConnectionString"] = ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Security:AnonymousRequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Privacy:KeyFile"] = KeyFile,
        }).AddInMemoryCollection(Settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>
    /// Builds and starts the host one factory at a time across the test run: the host-capturing hook of
    /// WebApplicationFactory is process-wide, and two factories starting together can each catch the other's builder
    /// (then a test reads one app's database and tampers with another's).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (s_startGate)
        {
            return base.CreateHost(builder);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _tokenGate.Dispose();
            if (database is null)
            {
                TestDatabases.Drop(Provider, ConnectionString);
                File.Delete(KeyFile);
            }
        }
    }
}

/// <summary>One running app per provider, shared by the tests of a class.</summary>
public sealed class AppFixture : IDisposable
{
    private readonly Dictionary<string, XiaobaoAppFactory> _apps = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public XiaobaoAppFactory For(string provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new XiaobaoAppFactory(provider);
                _ = app.Server;
                _apps[provider] = app;
            }

            return app;
        }
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }
}
