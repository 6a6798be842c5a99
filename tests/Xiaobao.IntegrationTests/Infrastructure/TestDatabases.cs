using Npgsql;

namespace Xiaobao.IntegrationTests.Infrastructure;

/// <summary>
/// The databases every integration test runs on: SQLite always, PostgreSQL when XIAOBAO_TEST_POSTGRES holds a
/// connection string (CI always sets it). Each app instance gets a fresh, empty database.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("XIAOBAO_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresConnectionString is not null)
            {
                data.Add(Postgres);
            }

            return data;
        }
    }

    /// <summary>Drops a database made by <see cref="CreateEmpty"/>, so repeated runs leave nothing behind.</summary>
    public static void Drop(string provider, string connectionString)
    {
        if (provider == Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }

            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(PostgresConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    /// <summary>A name for files that belong to the database: the SQLite file's name, or the PostgreSQL database's.</summary>
    public static string NameOf(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? new NpgsqlConnectionStringBuilder(connectionString).Database!
        : Path.GetFileNameWithoutExtension(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Creates an empty database for the provider and returns its connection string.</summary>
    public static string CreateEmpty(string provider)
    {
        if (provider == Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "xiaobao-tests");
            Directory.CreateDirectory(dir);
            return $"Data Source={Path.Combine(dir, $"{Guid.NewGuid():N}.db")}";
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString ?? throw new InvalidOperationException("XIAOBAO_TEST_POSTGRES is not set."));
        var name = $"xiaobao_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        builder.Database = name;
        return builder.ConnectionString;
    }
}
