using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Xiaobao.BrowserTests.Infrastructure;

/// <summary>
/// The real application on Kestrel (127.0.0.1, random port) so a browser can reach it, on a fresh SQLite file with the
/// demo insurer seeded. Development environment: AntDesign's static assets are served from build output only there.
/// </summary>
public sealed class BrowserAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Xiaobao2026";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), "xiaobao-browser-tests", $"{Guid.NewGuid():N}.db");

    public BrowserAppFactory()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databaseFile)!);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={_databaseFile}",
            ["Demo:Enabled"] = "true",
            ["Security:AnonymousRequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // A leftover file in the temp folder is harmless; never fail a test run over clean-up.
                }
            }
        }
    }
}
