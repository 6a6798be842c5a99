using Npgsql;

namespace Xiaobao.Benchmarks;

/// <summary>A throw-away database per run: a temporary SQLite file, or a uniquely named PostgreSQL database that is dropped after.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly string? _pgName;
    private readonly string? _sqliteFile;

    private BenchDatabase(string provider, string connectionString, string adminConnectionString, string? pgName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _pgName = pgName;
        _sqliteFile = sqliteFile;
    }

    /// <summary>"Sqlite" or "Postgres", as the host's Database:Provider expects.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public string Label => Provider == "Postgres" ? "PostgreSQL" : "SQLite";

    public string[] HostArgs => [$"--Database:Provider={Provider}", $"--Database:ConnectionString={ConnectionString}"];

    public static async Task<BenchDatabase> CreateAsync(string provider, string purpose, string pgAdmin)
    {
        var suffix = $"{purpose}_{Environment.ProcessId}_{DateTime.UtcNow:HHmmssfff}";
        if (provider == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"xiaobao_bench_{suffix}.db");
            return new BenchDatabase("Sqlite", $"Data Source={file}", pgAdmin, null, file);
        }

        var name = $"xiaobao_bench_{suffix}";
        await using (var admin = new NpgsqlConnection(pgAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name };
        return new BenchDatabase("Postgres", builder.ConnectionString, pgAdmin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
