using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xiaobao.Host;

namespace Xiaobao.Benchmarks;

/// <summary>
/// A trail of a million entries: `audit verify` (the real host command, as its own process) and the auditor's CSV and
/// xlsx exports (the real endpoint of a running host, read to the end over HTTP), each timed with the host process's
/// peak resident memory read from /proc.
/// </summary>
/// <remarks>
/// The database gets the demo insurer from the host's own `seed-demo`, then the chained entries in bulk after its head
/// (<see cref="AuditTrailData"/>), so the host meets a trail it could have written itself and `audit verify` must pass.
/// </remarks>
internal static class AuditVolumeBenchmark
{
    private const double VerifyTargetSeconds = 30;
    private const double VerifyTargetMb = 200;

    // The host's own log at Warning: requests and EF commands are not written to the console while being timed.
    private const string Quiet = "--Logging:LogLevel:Default=Warning";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var hostDll = await StartupBenchmark.BuildHostAsync(options.RepoRoot);
        var rows = new List<string>();
        var failed = false;
        foreach (var provider in options.Providers)
        {
            await using var db = await BenchDatabase.CreateAsync(provider, "audit", options.PostgresAdmin);
            var seeded = await HostChild.RunAsync(hostDll, ["seed-demo", .. db.HostArgs, Quiet]);
            if (seeded.ExitCode != 0)
            {
                throw new InvalidOperationException($"seed-demo failed:\n{seeded.Output}");
            }

            await using (var app = XiaobaoApp.Build([.. db.HostArgs, "--applicationName=Xiaobao.Host", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"]))
            {
                await AuditTrailData.AppendAsync(app.Services, options.Entries, DateTimeOffset.UtcNow.AddDays(-30), CancellationToken.None);
            }

            var verify = await HostChild.RunAsync(hostDll, ["audit", "verify", .. db.HostArgs, Quiet]);
            var report = verify.Output.Split('\n').LastOrDefault(l => l.StartsWith("audit:", StringComparison.Ordinal)) ?? verify.Output;
            Console.WriteLine($"{db.Label}: audit verify exit {verify.ExitCode} in {verify.Elapsed.TotalSeconds:F1} s, peak {HostChild.Mb(verify.PeakBytes)} MB: {report}");
            failed |= verify.ExitCode != 0;
            var verifyMiss = verify.Elapsed.TotalSeconds >= VerifyTargetSeconds || verify.PeakBytes / 1048576.0 >= VerifyTargetMb ? " miss" : string.Empty;
            rows.Add($"| {db.Label} | `audit verify` (process, incl. start-up) | {report} | {verify.Elapsed.TotalSeconds:F1} | {HostChild.Mb(verify.PeakBytes)}{verifyMiss} |");

            foreach (var row in await ExportAsync(hostDll, db))
            {
                rows.Add(row);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{options.Entries:N0} appended entries on top of the demo insurer's; host = Release `dotnet Xiaobao.Host.dll`, Production environment");
        Console.WriteLine("| Database | Step | Result | Seconds | Peak resident MB |");
        Console.WriteLine("|---|---|---|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"target `audit verify`: < {VerifyTargetSeconds} s and < {VerifyTargetMb} MB");
        return failed ? 1 : 0;
    }

    private static async Task<List<string>> ExportAsync(string hostDll, BenchDatabase db)
    {
        var url = $"http://127.0.0.1:{StartupBenchmark.FreePort()}";
        await using var host = HostChild.Start(hostDll, ["--urls", url, .. db.HostArgs, Quiet]);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        await host.WaitHealthyAsync(http, url, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(200));
        var token = await TokenAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var idle = host.ResidentBytes();
        var rows = new List<string>();
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var watch = Stopwatch.StartNew();
            long bytes, rowCount, peak;
            try
            {
                ((bytes, rowCount), peak) = await host.SampleWhileAsync(() => DownloadAsync(http, format));
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new InvalidOperationException($"export {format} failed after {watch.Elapsed.TotalSeconds:F1} s; the host said:\n{host.Output}", e);
            }

            Console.WriteLine($"{db.Label}: export {format} {rowCount:N0} rows, {bytes / 1048576.0:F0} MB in {watch.Elapsed.TotalSeconds:F1} s, host resident {HostChild.Mb(idle)} MB before, {HostChild.Mb(peak)} MB peak");
            rows.Add($"| {db.Label} | export {format} over HTTP (host idle at {HostChild.Mb(idle)} MB) | {rowCount:N0} rows, {bytes / 1048576.0:F0} MB | {watch.Elapsed.TotalSeconds:F1} | {HostChild.Mb(peak)} |");
        }

        return rows;
    }

    /// <summary>Reads the whole export, counting bytes and lines (CSV) or taking the row count from the export's own audit entry (xlsx).</summary>
    private static async Task<(long Bytes, long Rows)> DownloadAsync(HttpClient http, string format)
    {
        using var response = await http.GetAsync($"/api/v1/audit/export?format={format}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        if (format == "csv")
        {
            return (bytes, lines - 1);
        }

        var entries = await http.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=exported&entityType=AuditEntry&pageSize=1");
        return (bytes, entries.GetProperty("items")[0].GetProperty("changes").GetProperty("rows").GetInt64());
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "Xiaobao2026" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
