using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Xiaobao.Benchmarks;

/// <summary>
/// Cold-process start-up: from just before Process.Start to the first 200 on /health, for the host published the way it
/// is deployed (Release, ReadyToRun) and run as `dotnet Xiaobao.Host.dll`. The first start meets an empty database (migrations + seed); later ones an existing one.
/// </summary>
internal static class StartupBenchmark
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var hostDll = await BuildHostAsync(options.RepoRoot);
        Console.WriteLine($"host: {hostDll}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var rows = new List<(string Label, string Case, Stats Stats)>();
        foreach (var provider in options.Providers)
        {
            await using var db = await BenchDatabase.CreateAsync(provider, "startup", options.PostgresAdmin);
            var first = await StartOnceAsync(http, hostDll, db);
            Console.WriteLine($"{db.Label}: first start (empty database, migrate + seed) {Stats.Ms(first)} ms");
            rows.Add((db.Label, "first start, empty DB (n=1)", Stats.Of([first])));

            var samples = new List<double>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var ms = await StartOnceAsync(http, hostDll, db);
                samples.Add(ms);
                Console.WriteLine($"{db.Label}: start {run}/{options.Runs} (existing database) {Stats.Ms(ms)} ms");
            }

            rows.Add((db.Label, $"existing DB (n={options.Runs})", Stats.Of(samples)));
        }

        Console.WriteLine();
        Console.WriteLine("| Database | Case | min ms | median ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (label, name, s) in rows)
        {
            Console.WriteLine($"| {label} | {name} | {Stats.Ms(s.Min)} | {Stats.Ms(s.Median)} | {Stats.Ms(s.P95)} | {Stats.Ms(s.Max)} |");
        }

        var worst = rows.Where(r => r.Case.StartsWith("existing", StringComparison.Ordinal)).Max(r => r.Stats.P95);
        Console.WriteLine($"target p95 < 3000 ms on an existing database: {(worst < 3000 ? "met" : "MISSED")} (worst p95 {Stats.Ms(worst)} ms)");
        return 0;
    }

    internal static async Task<string> BuildHostAsync(string repoRoot)
    {
        var project = Path.Combine(repoRoot, "src", "Xiaobao.Host", "Xiaobao.Host.csproj");
        var build = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        var output = Path.Combine(Path.GetTempPath(), "xiaobao-bench-host");
        foreach (var a in new[] { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q" })
        {
            build.ArgumentList.Add(a);
        }

        using var process = Process.Start(build) ?? throw new InvalidOperationException("cannot start dotnet build");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{await stdout}\n{await errors}");
        }

        return Path.Combine(output, "Xiaobao.Host.dll");
    }

    private static async Task<double> StartOnceAsync(HttpClient http, string hostDll, BenchDatabase db)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var watch = Stopwatch.StartNew();
        await using var host = HostChild.Start(hostDll, ["--urls", url, .. db.HostArgs]);
        await host.WaitHealthyAsync(http, url, s_deadline, s_pollInterval);
        return watch.Elapsed.TotalMilliseconds;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
