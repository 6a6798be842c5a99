using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Xiaobao.Audit.Domain;
using Xiaobao.Audit.Features.Capture;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Persistence;

namespace Xiaobao.Benchmarks;

/// <summary>
/// Appends a long, correctly chained trail after the database's current head: each entry is placed and hashed by the real
/// code (<see cref="ChangeDescriber.VisibleTo"/>, <see cref="AuditEntry"/>'s link), then inserted in bulk — binary COPY on
/// PostgreSQL, one prepared INSERT in large transactions on SQLite — because a million audited saves would take hours.
/// </summary>
internal static class AuditTrailData
{
    private const int SqliteTransactionRows = 50_000;

    private static readonly string[] s_columns =
        ["Sequence", "At", "ActorKind", "ActorId", "ActorName", "OrganisationId", "OrganisationPath", "EntityType", "EntityId", "Action", "Changes", "PreviousHash", "Hash"];

    private sealed record Org(Guid Id, string Path, string NameZh);

    private sealed record User(Guid Id, string Name, Guid OrganisationId, string Path);

    public static async Task AppendAsync(IServiceProvider services, int count, DateTimeOffset start, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<DataScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Path).Select(o => new Org(o.Id, o.Path, o.NameZh)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new User(u.Id, u.UserName!, u.OrganisationId, u.OrganisationPath)).ToListAsync(ct);
        var head = await db.AuditEntries.IgnoreQueryFilters().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditHash.Genesis;

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var entries = Chain(count, start, organisations, users, sequence, previous);
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, entries, ct);
        }
        else
        {
            await InsertAsync(connection, entries, ct);
        }

        Console.WriteLine($"appended {count:N0} chained audit entries in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static IEnumerable<AuditEntry> Chain(int count, DateTimeOffset start, List<Org> organisations, List<User> users, long sequence, string previous)
    {
        for (var i = 0; i < count; i++)
        {
            var entry = AuditEntry.Link(Draft(i, start, organisations, users), ++sequence, start.AddMilliseconds(i * 250L), previous);
            previous = entry.Hash;
            yield return entry;
        }
    }

    // A working day's mix: organisation edits, sign-ins and their records, user edits, API-key use, the odd export.
    private static AuditDraft Draft(int i, DateTimeOffset start, List<Org> organisations, List<User> users)
    {
        var user = users[i % users.Count];
        var actor = new ActorSnapshot(ActorKind.User, user.Id, user.Name, user.OrganisationId, user.Path);
        var org = organisations[(i * 7) % organisations.Count];
        var at = start.AddMilliseconds(i * 250L);
        return (i % 20) switch
        {
            < 8 => Change(actor, org.Id, org.Path, "Organisation", org.Id, AuditActions.Updated, new()
            {
                ["NameZh"] = Pair(org.NameZh, $"{org.NameZh}（{i % 97}）"),
                ["UpdatedAt"] = Pair(at.AddDays(-1), at),
            }),
            < 12 => Change(actor, user.OrganisationId, user.Path, "XiaobaoUser", user.Id, AuditActions.SignedIn, new()
            {
                ["method"] = i % 3 == 0 ? "token" : "password",
                ["outcome"] = "Succeeded",
            }),
            < 15 => Change(actor, user.OrganisationId, user.Path, "SignInRecord", Guid.CreateVersion7(), AuditActions.Created, new()
            {
                ["At"] = After(at),
                ["Method"] = After("password"),
                ["Succeeded"] = After(true),
                ["UserId"] = After(user.Id),
            }),
            < 17 => Change(actor, user.OrganisationId, user.Path, "XiaobaoUser", user.Id, AuditActions.Updated, new()
            {
                ["DisplayName"] = "changed",
                ["IsActive"] = Pair(true, false),
            }),
            < 19 => Change(actor, org.Id, org.Path, "ApiKey", Guid.CreateVersion7(), AuditActions.Updated, new()
            {
                ["LastUsedAt"] = Pair(at.AddMinutes(-3), at),
            }),
            _ => Change(actor, actor.OrganisationId, null, "Organisation", null, AuditActions.Exported, new()
            {
                ["format"] = "Xlsx",
                ["level"] = "CityBranch",
                ["rows"] = 12 + (i % 40),
            }),
        };
    }

    private static AuditDraft Change(
        ActorSnapshot actor, Guid? organisationId, string? path, string entityType, Guid? entityId, string action, Dictionary<string, object?> changes) =>
        new(actor, organisationId, ChangeDescriber.VisibleTo(path is null ? [] : [path], actor), entityType, entityId?.ToString("D"), action, CanonicalJson.Object(changes));

    private static Dictionary<string, object?> Pair(object? before, object? after) => new() { ["before"] = before, ["after"] = after };

    private static Dictionary<string, object?> After(object? after) => new() { ["after"] = after };

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY aud_entries ({string.Join(", ", s_columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var e in entries)
        {
            await import.StartRowAsync(ct);
            await import.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
            await import.WriteAsync(e.ActorKind, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(import, e.ActorId, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(e.ActorName, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(import, e.OrganisationId, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(e.OrganisationPath, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(e.EntityType, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(import, e.EntityId, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(e.Action, NpgsqlDbType.Varchar, ct);
            await import.WriteAsync(e.Changes, NpgsqlDbType.Text, ct);
            await import.WriteAsync(e.PreviousHash, NpgsqlDbType.Char, ct);
            await import.WriteAsync(e.Hash, NpgsqlDbType.Char, ct);
        }

        await import.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await import.WriteNullAsync(ct);
        }
        else
        {
            await import.WriteAsync(value, type, ct);
        }
    }

    private static async Task InsertAsync(DbConnection connection, IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        // The app stores SQLite times as DateTimeOffsetToBinaryConverter's long; the rows must read back the same way.
        var time = new DateTimeOffsetToBinaryConverter();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO aud_entries ({string.Join(", ", s_columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", s_columns.Select(c => $"${c}"))})";
        var parameters = s_columns.ToDictionary(c => c, c =>
        {
            var p = command.CreateParameter();
            p.ParameterName = $"${c}";
            command.Parameters.Add(p);
            return p;
        });
        DbTransaction? transaction = null;
        var rows = 0;
        foreach (var e in entries)
        {
            if (rows++ % SqliteTransactionRows == 0)
            {
                if (transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                    await transaction.DisposeAsync();
                }

                transaction = await connection.BeginTransactionAsync(ct);
                command.Transaction = transaction;
            }

            parameters["Sequence"].Value = e.Sequence;
            parameters["At"].Value = time.ConvertToProvider(e.At);
            parameters["ActorKind"].Value = e.ActorKind;
            parameters["ActorId"].Value = (object?)e.ActorId?.ToString("D").ToUpperInvariant() ?? DBNull.Value;
            parameters["ActorName"].Value = e.ActorName;
            parameters["OrganisationId"].Value = (object?)e.OrganisationId?.ToString("D").ToUpperInvariant() ?? DBNull.Value;
            parameters["OrganisationPath"].Value = e.OrganisationPath;
            parameters["EntityType"].Value = e.EntityType;
            parameters["EntityId"].Value = (object?)e.EntityId ?? DBNull.Value;
            parameters["Action"].Value = e.Action;
            parameters["Changes"].Value = e.Changes;
            parameters["PreviousHash"].Value = e.PreviousHash;
            parameters["Hash"].Value = e.Hash;
            await command.ExecuteNonQueryAsync(ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
        }
    }
}
