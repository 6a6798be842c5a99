using System.Diagnostics;

namespace Xiaobao.IntegrationTests.Infrastructure;

/// <summary>Runs the built Xiaobao.Host.dll as a real process, for the command line and its exit codes.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs the host on the given SQLite connection string (a fresh database when null) and waits for it to exit.</summary>
    public static async Task<Result> RunAsync(string? database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Xiaobao.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__ConnectionString"] = database ?? TestDatabases.CreateEmpty(TestDatabases.Sqlite);
        start.Environment["Xiaobao__Bootstrap__AdminPassword"] = string.Empty;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
