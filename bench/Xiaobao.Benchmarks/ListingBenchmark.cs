using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Access;
using Xiaobao.Access.Features.Users;
using Xiaobao.Host;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations;
using Xiaobao.Organisations.Features.ListOrganisations;
using Xiaobao.Persistence;

namespace Xiaobao.Benchmarks;

/// <summary>
/// Per-page latency of the real list handlers, each call in a fresh DI scope whose <see cref="DataScope"/> is restricted
/// to one organisation's path, as a request would be. A manual harness: warm-up, then many timed calls, then percentiles.
/// </summary>
internal static class ListingBenchmark
{
    private const double TargetMs = 50;

    private sealed record Case(string List, string Scope, string Path, string? Search, string Sort, int Page, Func<IServiceProvider, PageRequest, Task<int>> RunAsync);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var results = new List<(string Db, Case Case, int Total, Stats Stats)>();
        foreach (var provider in options.Providers)
        {
            await using var db = await BenchDatabase.CreateAsync(provider, "listing", options.PostgresAdmin);
            // The host maps its static assets by application name; the manifest is copied next to this program.
            string[] args = [.. db.HostArgs, "--applicationName=Xiaobao.Host", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"];
            await using var app = XiaobaoApp.Build(args);
            var now = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Database.MigrateAsync();
            }

            Console.WriteLine($"{db.Label}: migrated in {watch.Elapsed.TotalSeconds:F1} s");
            var data = ListingData.Build(now);
            await data.SeedAsync(app.Services, now, CancellationToken.None);
            // Statistics as a running installation has them: PostgreSQL's autovacuum analyses new rows within a minute,
            // and the app refreshes SQLite's with PRAGMA optimize on every start.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
            }

            foreach (var c in Cases(data))
            {
                var (total, stats) = await MeasureAsync(app.Services, c, options);
                results.Add((db.Label, c, total, stats));
                Console.WriteLine($"{db.Label,-10} {c.List,-13} {c.Scope,-9} search={c.Search ?? "-",-4} sort={c.Sort,-11} page={c.Page,-3} total={total,7:N0}  p50 {Stats.Ms(stats.Median),6} ms  p95 {Stats.Ms(stats.P95),6} ms");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"page size {PageRequest.DefaultSize}; {options.Warmup} warm-up calls then {options.Iterations} timed calls per row; times in ms, each call = new DI scope + Restrict(path) + handler");
        Console.WriteLine();
        Console.WriteLine("| Database | List | Scope | Search | Sort | Page | Rows in scope | p50 | p95 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, c, total, s) in results)
        {
            var flag = s.P95 >= TargetMs ? " **miss**" : string.Empty;
            Console.WriteLine($"| {label} | {c.List} | {c.Scope} | {c.Search ?? "—"} | {c.Sort} | {c.Page} | {total:N0} | {Stats.Ms(s.Median)} | {Stats.Ms(s.P95)}{flag} | {Stats.Ms(s.P99)} | {Stats.Ms(s.Max)} |");
        }

        var misses = results.Count(r => r.Stats.P95 >= TargetMs);
        Console.WriteLine($"target p95 < {TargetMs} ms per page: {(misses == 0 ? "met on every row" : $"MISSED on {misses} of {results.Count} rows")}");
        return 0;
    }

    private static IEnumerable<Case> Cases(ListingData data)
    {
        (string Name, string Path)[] orgScopes = [("head", data.HeadOffice.Path), ("province", data.Province.Path), ("city", data.City.Path)];
        (string Name, string Path)[] userScopes = [("head", data.HeadOffice.Path), ("city", data.City.Path)];
        foreach (var (scope, path) in orgScopes)
        {
            foreach (var search in new[] { null, "第2" })
            {
                foreach (var sort in new[] { "code", "nameZh" })
                {
                    yield return OrganisationCase(scope, path, search, sort, 1);
                }
            }
        }

        yield return OrganisationCase("head", data.HeadOffice.Path, null, "code", 250);

        foreach (var (scope, path) in userScopes)
        {
            foreach (var search in new[] { null, "王" })
            {
                foreach (var sort in new[] { "userName", "displayName" })
                {
                    yield return UserCase(scope, path, search, sort, 1);
                }
            }
        }

        yield return UserCase("head", data.HeadOffice.Path, null, "userName", 2500);
    }

    private static Case OrganisationCase(string scope, string path, string? search, string sort, int page) =>
        new("organisations", scope, path, search, sort, page, async (sp, request) =>
        {
            var result = await ListOrganisations.HandleAsync(sp.GetRequiredService<IOrganisationsDb>(), new OrganisationFilter(search), request, CancellationToken.None);
            return result.Total;
        });

    private static Case UserCase(string scope, string path, string? search, string sort, int page) =>
        new("users", scope, path, search, sort, page, async (sp, request) =>
        {
            var result = await ListUsers.HandleAsync(
                sp.GetRequiredService<IAccessDb>(), sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<TimeProvider>(),
                new UserFilter(search), request, CancellationToken.None);
            return result.Total;
        });

    private static async Task<(int Total, Stats Stats)> MeasureAsync(IServiceProvider services, Case c, BenchOptions options)
    {
        var request = new PageRequest(c.Page, PageRequest.DefaultSize, c.Sort);
        var total = 0;
        if (options.ShowSql)
        {
            using var capture = SqlCapture.Start();
            await CallAsync(services, c, request);
            Console.WriteLine($"--- SQL for {c.List} / {c.Scope} / search={c.Search ?? "-"} / sort={c.Sort} / page={c.Page}");
            Console.WriteLine(capture.Text);
        }

        for (var i = 0; i < options.Warmup; i++)
        {
            total = await CallAsync(services, c, request);
        }

        var samples = new double[options.Iterations];
        for (var i = 0; i < samples.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await CallAsync(services, c, request);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return (total, Stats.Of(samples));
    }

    private static async Task<int> CallAsync(IServiceProvider services, Case c, PageRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DataScope>().Restrict(c.Path);
        return await c.RunAsync(scope.ServiceProvider, request);
    }
}
