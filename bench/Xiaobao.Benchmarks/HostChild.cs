using System.Diagnostics;
using System.Globalization;

namespace Xiaobao.Benchmarks;

/// <summary>
/// The Release host (`dotnet Xiaobao.Host.dll`) as a child process, with its memory read from /proc (Linux): the peak
/// resident set over its life (VmHWM) and the current one (VmRSS), sampled while a measured step runs.
/// </summary>
internal sealed class HostChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private HostChild(Process process)
    {
        _process = process;
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    public static HostChild Start(string hostDll, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(hostDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return new HostChild(Process.Start(info) ?? throw new InvalidOperationException("cannot start the host"));
    }

    /// <summary>Runs a host command to its end; returns its exit code, wall time and peak resident set.</summary>
    public static async Task<(int ExitCode, TimeSpan Elapsed, long PeakBytes, string Output)> RunAsync(string hostDll, IEnumerable<string> args)
    {
        var watch = Stopwatch.StartNew();
        await using var child = Start(hostDll, args);
        var peak = 0L;
        while (!child.HasExited)
        {
            peak = Math.Max(peak, child.PeakResidentBytes());
            await Task.Delay(20);
        }

        await child._process.WaitForExitAsync();
        return (child._process.ExitCode, watch.Elapsed, peak, child.Output);
    }

    /// <summary>Polls /health until it answers 200; throws with the host's last output if it exits or the deadline passes.</summary>
    public async Task WaitHealthyAsync(HttpClient http, string url, TimeSpan deadline, TimeSpan interval)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < deadline && !HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"{url}/health"));
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A poll timed out while the host was busy starting.
            }

            await Task.Delay(interval);
        }

        throw new InvalidOperationException($"the host did not answer 200 on /health (exited: {HasExited}):\n{Output}");
    }

    /// <summary>Runs <paramref name="step"/> while sampling this process's resident set; returns the step's result and the largest set seen.</summary>
    public async Task<(T Result, long MaxResidentBytes)> SampleWhileAsync<T>(Func<Task<T>> step)
    {
        var max = ResidentBytes();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                max = Math.Max(max, ResidentBytes());
                await Task.Delay(20, CancellationToken.None);
            }
        });
        try
        {
            return (await step(), Math.Max(max, ResidentBytes()));
        }
        finally
        {
            await stop.CancelAsync();
            await sampler;
        }
    }

    public long ResidentBytes() => Status("VmRSS:");

    public long PeakResidentBytes() => Status("VmHWM:");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    // "/proc/<pid>/status" lines such as "VmRSS:	  123456 kB"; 0 once the process is gone.
    private long Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    private void Keep(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(e.Data);
            while (_tail.Count > 30)
            {
                _tail.Dequeue();
            }
        }
    }

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);
}
