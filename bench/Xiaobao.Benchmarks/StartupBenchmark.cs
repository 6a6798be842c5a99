using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

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
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { hostDll, "--urls", url }.Concat(db.HostArgs))
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";

        // The last lines of output explain a start that never becomes healthy; the pipes are drained so the child never blocks.
        var tail = new Queue<string>();
        void Keep(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(e.Data);
                while (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the host");
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (watch.Elapsed < s_deadline)
            {
                if (process.HasExited)
                {
                    break;
                }

                try
                {
                    using var response = await http.GetAsync(new Uri($"{url}/health"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // A poll timed out while the host was busy starting.
                }

                await Task.Delay(s_pollInterval);
            }

            var log = new StringBuilder();
            lock (tail)
            {
                log.AppendJoin('\n', tail);
            }

            throw new InvalidOperationException($"the host did not answer 200 on /health (exited: {process.HasExited}):\n{log}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
