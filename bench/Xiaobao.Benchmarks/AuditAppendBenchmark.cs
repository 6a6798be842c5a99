using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
/// own transaction, as a request makes it) through the app's audited context and through an identical context without
/// the audit interceptor. Blocks of the two alternate in one run, so drift on a shared machine hits both alike.
/// Then the audited save's parts, timed alone: placing and hashing an entry, and the chain's lock and head read.
/// </summary>
internal static class AuditAppendBenchmark
{
    private const double TargetRatio = 1.20;
    private const int Rounds = 10;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var rows = new List<string>();
        foreach (var provider in options.Providers)
        {
            await using var db = await BenchDatabase.CreateAsync(provider, "append", options.PostgresAdmin);
            string[] args = [.. db.HostArgs, "--applicationName=Xiaobao.Host", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"];
            await using var app = XiaobaoApp.Build(args);
            var city = await PrepareAsync(app.Services, db);
            var unaudited = Unaudited(db);

            var block = Math.Max(1, options.Iterations / Rounds);
            await InsertAsync(app.Services, unaudited, city, audited: false, options.Warmup);
            await InsertAsync(app.Services, unaudited, city, audited: true, options.Warmup);
            var off = new List<double>();
            var on = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                // Alternate which mode goes first, so neither always runs on a warmer cache.
                foreach (var audited in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    (audited ? on : off).AddRange(await InsertAsync(app.Services, unaudited, city, audited, block));
                }
            }

            var (offStats, onStats) = (Stats.Of(off), Stats.Of(on));
            var ratio = onStats.Mean / offStats.Mean;
            var hashUs = MeasureLinkMicroseconds(city);
            var chainMs = await MeasureChainReadAsync(app.Services, options.Iterations);
            Console.WriteLine($"{db.Label}: unaudited mean {Stats.Ms(offStats.Mean)} ms, audited {Stats.Ms(onStats.Mean)} ms, ratio {ratio:F2}; place+hash {hashUs:F1} µs; lock+head read {Stats.Ms(chainMs.Mean)} ms");
            rows.Add($"| {db.Label} | {off.Count} | {Stats.Ms(offStats.Median)} | {Stats.Ms(offStats.Mean)} | {Stats.Ms(onStats.Median)} | {Stats.Ms(onStats.Mean)} | " +
                $"{1000 / offStats.Mean:F0} | {1000 / onStats.Mean:F0} | **{ratio:F2}**{(ratio >= TargetRatio ? " miss" : string.Empty)} | {hashUs:F1} µs | {Stats.Ms(chainMs.Median)} / {Stats.Ms(chainMs.Mean)} ms |");
        }

        Console.WriteLine();
        Console.WriteLine($"one organisation insert per SaveChanges (own transaction); {options.Warmup} warm-up saves per mode, then {Rounds} alternating blocks");
        Console.WriteLine("| Database | saves per mode | unaudited p50 ms | unaudited mean ms | audited p50 ms | audited mean ms | unaudited saves/s | audited saves/s | audited ÷ unaudited (mean) | place + hash one entry | lock + head read p50 / mean |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"target: audited ÷ unaudited < {TargetRatio:F2}");
        return 0;
    }

    /// <summary>Migrates and adds a head office, a province and the city branch every measured insert goes under.</summary>
    private static async Task<Organisation> PrepareAsync(IServiceProvider services, BenchDatabase db)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
        await context.Database.MigrateAsync();
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

    private static DbContextOptions<XiaobaoDbContext> Unaudited(BenchDatabase db)
    {
        var builder = new DbContextOptionsBuilder<XiaobaoDbContext>();
        return (db.Provider == "Postgres" ? builder.UseNpgsql(db.ConnectionString) : builder.UseSqlite(db.ConnectionString)).Options;
    }

    /// <summary>Inserts <paramref name="count"/> sub-branches, each by its own SaveChanges in a fresh scope; returns each save's milliseconds.</summary>
    private static async Task<List<double>> InsertAsync(IServiceProvider services, DbContextOptions<XiaobaoDbContext> unaudited, Organisation city, bool audited, int count)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var dataScope = scope.ServiceProvider.GetRequiredService<DataScope>();
            using var system = dataScope.RunAsSystem();
            await using var context = audited ? null : new XiaobaoDbContext(unaudited, dataScope);
            var db = context ?? scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
            var id = Guid.CreateVersion7();
            db.Organisations.Add(Organisation.Create(id, $"S{id:N}"[..20], "深圳南山第一支公司", "Nanshan", OrganisationLevel.SubBranch, city, DateTimeOffset.UtcNow));
            var started = Stopwatch.GetTimestamp();
            await db.SaveChangesAsync();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return samples;
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

    /// <summary>The two statements the interceptor adds before its insert: the chain lock (PostgreSQL) and the head read, in a transaction.</summary>
    private static async Task<Stats> MeasureChainReadAsync(IServiceProvider services, int count)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var started = Stopwatch.GetTimestamp();
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditInterceptor.ChainLockKey})");
            }

            _ = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await transaction.CommitAsync();
        }

        return Stats.Of(samples);
    }
}
