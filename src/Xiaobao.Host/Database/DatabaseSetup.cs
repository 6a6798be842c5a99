using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xiaobao.Access;
using Xiaobao.Audit;
using Xiaobao.Calendar;
using Xiaobao.Customers;
using Xiaobao.Jobs;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations;
using Xiaobao.Persistence;
using Xiaobao.Persistence.Postgres;
using Xiaobao.Persistence.Sqlite;
using Xiaobao.Privacy;
using Xiaobao.TextEngine;

namespace Xiaobao.Host.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the provider from "Database:Provider" and its migration set; the context and its model are the same for both.
/// </summary>
internal static class DatabaseSetup
{
    public static IServiceCollection AddXiaobaoDatabase(this IServiceCollection services, string contentRoot)
    {
        // Configuration is read when the first context is built, not here, so hosts and tests can still override it.
        services.AddDbContext<XiaobaoDbContext>((sp, o) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
            var connectionString = configuration.GetConnectionString("Xiaobao") ?? configuration["Database:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Set Database:ConnectionString (or ConnectionStrings:Xiaobao) for the chosen provider.");
            }

            switch (provider)
            {
                case DatabaseProvider.Postgres:
                    o.UseNpgsql(connectionString, x => x.MigrationsAssembly(typeof(PostgresDesignTimeFactory).Assembly.GetName().Name));
                    break;
                default:
                    o.UseSqlite(SqliteConnection(connectionString, contentRoot), x => x.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name));
                    break;
            }

            o.AddInterceptors(AuditModule.Interceptor(sp), JobsModule.Interceptor(sp));
        });
        services.AddScoped<IOrganisationsDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<IAccessDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<ICalendarDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<IAuditDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<IJobsDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<IPrivacyDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<ICustomersDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<ITextEngineDb>(sp => sp.GetRequiredService<XiaobaoDbContext>());
        services.AddScoped<IOrganisationPathRewriter>(sp => PersistenceServices.CreatePathRewriter(sp.GetRequiredService<XiaobaoDbContext>(), sp.GetRequiredService<IAuditLog>()));
        return services;
    }

    /// <summary>Applies pending migrations of the configured provider. Never EnsureCreated: both sets are versioned.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
        // Migrate() also diffs the model against the migrations' snapshot on every call, which costs a noticeable part of
        // a start; listing pending migrations reads only the history table. (A test guards against pending model changes.)
        // The history table is checked first: reading it on an empty PostgreSQL database logs a failed command.
        if (!await db.GetService<IHistoryRepository>().ExistsAsync(ct) || (await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging (kept in the file once set): a long read, such as an audit export or `audit verify`
            // streaming a million rows, no longer blocks every write until it ends, and a commit syncs one log instead of
            // a rollback journal and the database (bench/RESULTS.md, audit append).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);

            // SQLite plans without statistics until ANALYZE runs; this refreshes them when they are missing or stale
            // (PostgreSQL's autovacuum does the same by itself).
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002", ct);
        }
    }

    // A relative SQLite path is taken from the content root, and its folder is created, so `dotnet run` works from any directory.
    private static string SqliteConnection(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
