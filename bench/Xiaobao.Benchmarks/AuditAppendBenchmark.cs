using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Audit;
using Xiaobao.Audit.Domain;
using Xiaobao.Audit.Features.Capture;
using Xiaobao.Host;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations.Domain;
using Xiaobao.Persistence;

namespace Xiaobao.Benchmarks;

/// <summary>
/// What the audit trail costs a write: the same business insert (one sub-branch organisation per SaveChanges, each in its
/// own transaction, as a request makes it) through a context with the audit interceptor and an identical one without.
/// Blocks of the two alternate in one run, so drift on a shared machine hits both alike. Each save is split into its
/// database phases (<see cref="SaveTimings"/>), and placing and hashing an entry is timed alone in memory.
/// </summary>
internal static class AuditAppendBenchmark
{
    private const double TargetRatio = 1.20;
    private const int Rounds = 10;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var rows = new List<string>();
        var phases = new List<string>();
        foreach (var provider in options.Providers)
        {
            await using var db = await BenchDatabase.CreateAsync(provider, "append", options.PostgresAdmin);
            string[] args = [.. db.HostArgs, "--applicationName=Xiaobao.Host", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"];
            await using var app = XiaobaoApp.Build(args);
            var city = await PrepareAsync(app.Services, db);
            var timings = new SaveTimings();
            var saver = new Saver(db, city, timings);

            var block = Math.Max(1, options.Iterations / Rounds);
            var samples = Enum.GetValues<Mode>().ToDictionary(m => m, _ => new List<Sample>());
            foreach (var mode in Enum.GetValues<Mode>())
            {
                await saver.InsertAsync(app.Services, mode, options.Warmup);
            }

            for (var round = 0; round < Rounds; round++)
            {
                // Rotate which mode goes first, so none always runs on a warmer cache.
                foreach (var mode in Enum.GetValues<Mode>().Select((m, i) => (m, i)).OrderBy(x => (x.i + round) % 3).Select(x => x.m))
                {
                    samples[mode].AddRange(await saver.InsertAsync(app.Services, mode, block));
                }
            }

            var stats = samples.ToDictionary(p => p.Key, p => Stats.Of([.. p.Value.Select(x => x.Total)]));
            var (off, unchained, chained) = (stats[Mode.Unaudited], stats[Mode.Unchained], stats[Mode.Chained]);
            var ratio = chained.Mean / off.Mean;
            var chainRatio = chained.Mean / unchained.Mean;
            var hashUs = MeasureLinkMicroseconds(city);
            Console.WriteLine($"{db.Label}: unaudited {Stats.Ms(off.Mean)} ms, unchained {Stats.Ms(unchained.Mean)} ms, chained {Stats.Ms(chained.Mean)} ms; chained ÷ unaudited {ratio:F2}, chained ÷ unchained {chainRatio:F2}; place+hash {hashUs:F1} µs");
            rows.Add($"| {db.Label} | {samples[Mode.Unaudited].Count} | {Stats.Ms(off.Median)} / {Stats.Ms(off.Mean)} | {Stats.Ms(unchained.Median)} / {Stats.Ms(unchained.Mean)} | " +
                $"{Stats.Ms(chained.Median)} / {Stats.Ms(chained.Mean)} | {1000 / off.Mean:F0} / {1000 / chained.Mean:F0} | **{ratio:F2}**{Miss(ratio)} | **{chainRatio:F2}**{Miss(chainRatio)} | {hashUs:F1} µs |");
            foreach (var (mode, modeSamples) in samples)
            {
                var means = SaveTimings.Phases.Select(p => modeSamples.Average(x => x.Phases.GetValueOrDefault(p))).ToList();
                var total = modeSamples.Average(x => x.Total);
                phases.Add($"| {db.Label} | {mode} | {string.Join(" | ", means.Select(m => m.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} | " +
                    $"{(total - means.Sum()).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} | {total.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"one organisation insert per SaveChanges (own transaction); {options.Warmup} warm-up saves per mode, then {Rounds} rotating blocks");
        Console.WriteLine("| Database | saves per mode | unaudited p50 / mean ms | audit row, no chain p50 / mean ms | audited and chained p50 / mean ms | saves/s unaudited / chained | chained ÷ unaudited | chained ÷ no chain | place + hash one entry |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"target: < {TargetRatio:F2}");
        Console.WriteLine();
        Console.WriteLine("where a save's time goes (mean ms per save)");
        Console.WriteLine($"| Database | Mode | {string.Join(" | ", SaveTimings.Phases)} | in process | total |");
        Console.WriteLine($"|---|---|{string.Concat(Enumerable.Repeat("---:|", SaveTimings.Phases.Length + 2))}");
        phases.ForEach(Console.WriteLine);
        return 0;
    }

    private enum Mode
    {
        Unaudited,
        Unchained,
        Chained,
    }

    private sealed record Sample(double Total, IReadOnlyDictionary<string, double> Phases);

    private static string Miss(double ratio) => ratio >= TargetRatio ? " miss" : string.Empty;

    /// <summary>Saves one sub-branch per SaveChanges in a fresh scope, through a context with or without the audit interceptor.</summary>
    private sealed class Saver(BenchDatabase db, Organisation city, SaveTimings timings)
    {
        public async Task<List<Sample>> InsertAsync(IServiceProvider services, Mode mode, int count)
        {
            var samples = new List<Sample>(count);
            for (var i = 0; i < count; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var dataScope = scope.ServiceProvider.GetRequiredService<DataScope>();
                using var system = dataScope.RunAsSystem();

                // Built as the host's AddDbContext builds it, so the two contexts differ only by the audit interceptor.
                var builder = new DbContextOptionsBuilder<XiaobaoDbContext>();
                _ = db.Provider == "Postgres" ? builder.UseNpgsql(db.ConnectionString) : builder.UseSqlite(db.ConnectionString);
                if (mode != Mode.Unaudited)
                {
                    builder.AddInterceptors(mode == Mode.Chained ? AuditModule.Interceptor(scope.ServiceProvider) : new UnchainedAuditInterceptor());
                }

                await using var context = new XiaobaoDbContext(builder.AddInterceptors(timings).Options, dataScope);
                var id = Guid.CreateVersion7();
                context.Organisations.Add(Organisation.Create(id, $"S{id:N}"[..20], "深圳南山第一支公司", "Nanshan", OrganisationLevel.SubBranch, city, DateTimeOffset.UtcNow));
                timings.Reset();
                var started = Stopwatch.GetTimestamp();
                await context.SaveChangesAsync();
                samples.Add(new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new Dictionary<string, double>(timings.Current)));
            }

            return samples;
        }
    }

    /// <summary>Migrates and adds a head office, a province and the city branch every measured insert goes under.</summary>
    private static async Task<Organisation> PrepareAsync(IServiceProvider services, BenchDatabase db)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
        await context.Database.MigrateAsync();
        if (context.Database.IsSqlite())
        {
            // As the app's start-up sets it; without it each commit syncs a rollback journal and the file (RESULTS.md, run 1).
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL");
        }
        using var system = scope.ServiceProvider.GetRequiredService<DataScope>().RunAsSystem();
        var now = DateTimeOffset.UtcNow;
        var head = Organisation.Create(Guid.CreateVersion7(), "HO", "总公司", "Head Office", OrganisationLevel.HeadOffice, null, now);
        var province = Organisation.Create(Guid.CreateVersion7(), "GD", "广东分公司", "Guangdong", OrganisationLevel.ProvincialBranch, head, now);
        var city = Organisation.Create(Guid.CreateVersion7(), "GD-SZ", "深圳中心支公司", "Shenzhen", OrganisationLevel.CityBranch, province, now);
        context.Organisations.AddRange(head, province, city);
        await context.SaveChangesAsync();
        Console.WriteLine($"{db.Label}: ready");
        return city;
    }

    /// <summary>Placing and hashing one organisation entry in memory: canonical JSON, the chain's canonical form, SHA-256.</summary>
    private static double MeasureLinkMicroseconds(Organisation city)
    {
        var actor = new ActorSnapshot(ActorKind.User, Guid.CreateVersion7(), "manager", city.Id, city.Path);
        var changes = new Dictionary<string, object?>
        {
            ["Code"] = new Dictionary<string, object?> { ["after"] = "GD-SZ-NS" },
            ["NameZh"] = new Dictionary<string, object?> { ["after"] = "深圳南山第一支公司" },
            ["NameEn"] = new Dictionary<string, object?> { ["after"] = "Nanshan" },
            ["Level"] = new Dictionary<string, object?> { ["after"] = OrganisationLevel.SubBranch },
            ["ParentId"] = new Dictionary<string, object?> { ["after"] = city.Id },
            ["Path"] = new Dictionary<string, object?> { ["after"] = city.Path },
            ["IsActive"] = new Dictionary<string, object?> { ["after"] = true },
            ["CreatedAt"] = new Dictionary<string, object?> { ["after"] = DateTimeOffset.UtcNow },
            ["UpdatedAt"] = new Dictionary<string, object?> { ["after"] = DateTimeOffset.UtcNow },
        };
        const int N = 20_000;
        var previous = AuditHash.Genesis;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < N; i++)
        {
            var draft = new AuditDraft(actor, city.Id, ChangeDescriber.VisibleTo([city.Path], actor), "Organisation", city.Id.ToString(), AuditActions.Created, CanonicalJson.Object(changes));
            previous = AuditEntry.Link(draft, i + 1, DateTimeOffset.UtcNow, previous).Hash;
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1000 / N;
    }
}
