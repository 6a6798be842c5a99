using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xiaobao.Customers.Domain;
using Xiaobao.IntegrationTests.Infrastructure;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Persistence;
using Xiaobao.Privacy.Features.Rotation;

namespace Xiaobao.IntegrationTests;

/// <summary>Keys at start-up, key rotation, and the proof that no personal value reaches the database files or the logs in clear.</summary>
public sealed class PersonalDataTests
{
    // What a careless module might log: values, not identifiers.
    private static readonly Func<ILogger, string, IDisposable?> s_scope = LoggerMessage.DefineScope<string>("customer {Mobile}");
    private static readonly Action<ILogger, string, long, string, Exception?> s_calling =
        LoggerMessage.Define<string, long, string>(LogLevel.Warning, new EventId(1), "Calling {Phone} about card {Card}, ID {Id}");

    private static readonly string s_blindIndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    // In process the host prints the failure and returns 1 from Main, so the test runs the real executable.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_DataUnderAKeyTheRingLacks_ExitsOneNamingTheKey(string provider)
    {
        var database = TestDatabases.CreateEmpty(provider);
        try
        {
            using (var first = Installation(provider, database, "prod-2025", ("prod-2025", Key())))
            {
                using var handler = await first.ClientForAsync("handler");
                await TestCustomers.CreateAsync(handler, TestCustomers.NewValues());
            }

            var result = await HostProcess.RunAsync(
                database, "--urls", "http://127.0.0.1:0", $"--Database:Provider={provider}",
                $"--Privacy:Keys:prod-2026={Key()}", "--Privacy:ActiveKey=prod-2026", $"--Privacy:BlindIndexKey={s_blindIndexKey}");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("xiaobao: personal data is encrypted under key 'prod-2025'", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabases.Drop(provider, database);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RotatePersonalDataKeys_InterruptedThenResumed_MovesEveryValueToTheActiveKeyWhileTheAppKeepsWorking(string provider)
    {
        var database = TestDatabases.CreateEmpty(provider);
        var (k1, k2) = (("k1", Key()), ("k2", Key()));
        try
        {
            var v = TestCustomers.NewValues();
            string id;
            using (var before = Installation(provider, database, "k1", k1))
            {
                using var handler = await before.ClientForAsync("handler");
                id = await TestCustomers.CreateAsync(handler, v);
            }

            // Two batches, then the process "dies": only committed batches count.
            using (var interrupted = Installation(provider, database, "k2", k1, k2))
            {
                var first = await RunBatchAsync(interrupted, 100);
                var second = await RunBatchAsync(interrupted, 100);
                Assert.True(first.Rewritten > 0 && second.Read == 100);
                Assert.False(second.Completed);
                using var handler = await interrupted.ClientForAsync("handler");
                Assert.Equal(v.Mobile, await RevealAsync(handler, id, "mobile"));
            }

            using (var resumed = Installation(provider, database, "k2", k1, k2))
            {
                var progress = await ProgressAsync(resumed);
                Assert.Equal("Customer", progress.CurrentEntity);
                Assert.True(progress.Rewritten > 0);
                Assert.Contains(progress.Remaining!, f => f.NotUnderActiveKey > 0);

                var batches = 0;
                RotationBatchResult result;
                do
                {
                    result = await RunBatchAsync(resumed, 100);
                }
                while (!result.Completed && ++batches < 50);

                Assert.True(result.Completed);
                Assert.All((await ProgressAsync(resumed)).Remaining!, f => Assert.Equal(0, f.NotUnderActiveKey));
                Assert.Equal(0, (await RunBatchAsync(resumed, 100)).Rewritten);
                Assert.All(await StoredValuesAsync(resumed), value => Assert.True(value is PersonalValues.ErasedMarker || value.StartsWith("v1:k2:", StringComparison.Ordinal), value));
                using var handler = await resumed.ClientForAsync("handler");
                Assert.Equal(v.IdNumber, await RevealAsync(handler, id, "idNumber"));
            }

            // k1 was retired by the finished rotation, so the ring may now drop it.
            using var after = Installation(provider, database, "k2", k2);
            using var officer = await after.ClientForAsync("officer");
            Assert.Equal(v.Address, await RevealAsync(officer, id, "address"));
        }
        finally
        {
            TestDatabases.Drop(provider, database);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StartKeyRotation_NewActiveKey_TheJobMovesEveryValueToIt(string provider)
    {
        var database = TestDatabases.CreateEmpty(provider);
        var (k1, k2) = (("k1", Key()), ("k2", Key()));
        try
        {
            using (var before = Installation(provider, database, "k1", k1))
            {
                using var handler = await before.ClientForAsync("handler");
                await TestCustomers.CreateAsync(handler, TestCustomers.NewValues());
            }

            using var after = Installation(provider, database, "k2", k1, k2);
            using var admin = await after.ClientForAsync("admin");
            using var started = await admin.PostAsync("/api/v1/privacy/key-rotation", null);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

            var deadline = DateTime.UtcNow.AddSeconds(90);
            KeyRotationProgress progress;
            do
            {
                await Task.Delay(250);
                progress = await ProgressAsync(after);
            }
            while (progress.CompletedAt is null && DateTime.UtcNow < deadline);

            Assert.NotNull(progress.CompletedAt);
            Assert.Equal("k2", progress.TargetKeyId);
            Assert.All(await StoredValuesAsync(after), value => Assert.True(value is PersonalValues.ErasedMarker || value.StartsWith("v1:k2:", StringComparison.Ordinal), value));
        }
        finally
        {
            TestDatabases.Drop(provider, database);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PersonalValues_SeededAndUsedThroughTheApi_NeverAppearInClearInTheDatabaseOrTheLogs(string provider)
    {
        using var app = new XiaobaoAppFactory(provider);
        app.Settings["Logging:LogLevel:Default"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug";
        using var handler = await app.ClientForAsync("handler");
        using var officer = await app.ClientForAsync("officer");
        var v = TestCustomers.NewValues();
        var moved = $"广东省深圳市福田区探针新址{v.Number}号";

        var id = await TestCustomers.CreateAsync(handler, v);
        (await handler.GetAsync($"/api/v1/customers?number={v.Number}")).EnsureSuccessStatusCode();
        (await handler.GetAsync($"/api/v1/customers/{id}")).EnsureSuccessStatusCode();
        (await handler.GetAsync($"/api/v1/customers/lookup?phone={v.Mobile}")).EnsureSuccessStatusCode();
        (await handler.GetAsync($"/api/v1/customers/lookup?idNumber={v.IdNumber}")).EnsureSuccessStatusCode();
        foreach (var field in new[] { "name", "idNumber", "mobile", "email", "address", "bankAccount", "notes" })
        {
            Assert.NotNull(await RevealAsync(officer, id, field));
        }

        (await handler.PutAsJsonAsync($"/api/v1/customers/{id}", TestCustomers.Body(v with { Number = null!, Address = moved }), XiaobaoAppFactory.Json)).EnsureSuccessStatusCode();
        (await handler.GetAsync($"/api/v1/customers/export?format=Csv&number={v.Number}")).EnsureSuccessStatusCode();
        (await handler.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field = "mobile", reason = $"回拨 {v.Mobile}，邮件 {v.Email}" })).EnsureSuccessStatusCode();

        var stored = provider == TestDatabases.Sqlite ? SqliteFiles(app.ConnectionString) : await PgDumpAsync(app.ConnectionString);
        var logs = app.Logs.Text;
        string[] plain = [v.Name, v.IdNumber, v.Mobile, v.Email, v.Address, v.BankAccount, v.Notes, moved];

        Assert.True(stored.Length > 100_000, $"Only {stored.Length} bytes of database read.");
        Assert.True(Contains(stored, Encoding.UTF8.GetBytes(v.Number)), "The customer number, kept in clear, is not in what was read.");
        Assert.All(plain, p => Assert.False(Contains(stored, Encoding.UTF8.GetBytes(p)), $"'{p}' is in the database in clear."));
        Assert.Contains($"199****{v.Mobile[^4..]}", logs, StringComparison.Ordinal);
        Assert.All(plain, p => Assert.DoesNotContain(p, logs, StringComparison.Ordinal));
    }

    [Fact]
    public void Logging_ModuleLogsPersonalValues_SinksReceiveThemMasked()
    {
        using var app = new XiaobaoAppFactory(TestDatabases.Sqlite);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Xiaobao.Test");
        using (s_scope(logger, "13912345678"))
        {
            s_calling(logger, "+86 139-1234-5678", 6222021234567890128L, "11010519491231002X", new InvalidOperationException("bounced: zhang.san@example.com"));
        }

        var line = Assert.Single(app.Logs.Entries, e => e.Contains("Xiaobao.Test", StringComparison.Ordinal));

        Assert.Contains("Calling 139****5678 about card ****0128, ID 1101**********002X", line, StringComparison.Ordinal);
        Assert.Contains("z***@example.com", line, StringComparison.Ordinal);
        Assert.Contains("customer 139****5678", line, StringComparison.Ordinal);
        foreach (var plain in new[] { "13912345678", "1234-5678", "6222021234567890128", "11010519491231002X", "zhang.san@" })
        {
            Assert.DoesNotContain(plain, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DbContext_Options_NeverLogParameterValues()
    {
        using var app = new XiaobaoAppFactory(TestDatabases.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().GetService<IDbContextOptions>();

        Assert.False(options.FindExtension<CoreOptionsExtension>()!.IsSensitiveDataLoggingEnabled);
    }

    private static XiaobaoAppFactory Installation(string provider, string database, string active, params (string Id, string Key)[] keys)
    {
        var app = new XiaobaoAppFactory(provider, database);
        foreach (var (keyId, key) in keys)
        {
            app.Settings[$"Privacy:Keys:{keyId}"] = key;
        }

        app.Settings["Privacy:ActiveKey"] = active;
        app.Settings["Privacy:BlindIndexKey"] = s_blindIndexKey;
        return app;
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<string?> RevealAsync(HttpClient client, string id, string field) =>
        (await HttpAssertions.ReadJsonAsync(await client.PostJsonAsync($"/api/v1/customers/{id}/reveal", new { field, reason = "核实客户身份" }))).GetProperty("value").GetString();

    private static async Task<RotationBatchResult> RunBatchAsync(XiaobaoAppFactory app, int size)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RotatePersonalDataKeys>().RunBatchAsync(size, CancellationToken.None);
    }

    private static async Task<KeyRotationProgress> ProgressAsync(XiaobaoAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RotatePersonalDataKeys>().GetProgressAsync(CancellationToken.None);
    }

    private static async Task<List<string>> StoredValuesAsync(XiaobaoAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<IDataScope>().RunAsSystem();
        var customers = await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Customers.AsNoTracking().ToListAsync();
        return [.. customers.SelectMany(c => PersonalFields.Encrypted(typeof(Customer)).Select(f => f.Property.GetValue(c) as string)).OfType<string>()];
    }

    private static byte[] SqliteFiles(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        using var all = new MemoryStream();
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    private static async Task<byte[]> PgDumpAsync(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(File.Exists("/usr/bin/pg_dump") ? "/usr/bin/pg_dump" : "/usr/lib/postgresql/15/bin/pg_dump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username!, "--no-owner", cs.Database! })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start)!;
        using var dump = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(dump);
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        Assert.True(process.ExitCode == 0, await error);
        return dump.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
