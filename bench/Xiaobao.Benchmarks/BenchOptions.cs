using System.Globalization;

namespace Xiaobao.Benchmarks;

/// <summary>The command line: the measurement to run and the few knobs that bound its run time.</summary>
internal sealed record BenchOptions(
    string Command, IReadOnlyList<string> Providers, int Runs, int Warmup, int Iterations, string PostgresAdmin, string RepoRoot, bool ShowSql, int Customers = 1_000_000, int Entries = 1_000_000)
{
    /// <summary>The shared data folder the text benchmark reads (default: ../shared/data beside the repository).</summary>
    public string? SharedData { get; init; }

    public const string Usage = """
        usage: Xiaobao.Benchmarks startup|listing|crypto|lookup|text|audit-append|audit-volume [--providers sqlite,postgres] [--runs 10] [--warmup 15]
                                  [--iterations 150] [--customers 1000000] [--entries 1000000] [--shared <shared/data folder>]
                                  [--pg "Host=127.0.0.1;Port=5432;Database=xiaobao;Username=xiaobao;Password=xiaobao"] [--repo <root>] [--sql]
          startup       time from Process.Start to the first 200 on /health (first start on an empty database, then --runs restarts)
          listing       per-page latency of the organisation and user lists on 10,000 organisations and 100,000 users
          crypto        BenchmarkDotNet: encrypt and decrypt of one personal field, and its blind index (--runs 3 or less: short job)
          lookup        exact lookup by mobile through the blind index among --customers encrypted customers
          text          segmentation vs python3-jieba on a 10 MB text, and phrase checking with 10,000 rules (--runs, default 3)
          audit-append  one-row saves with and without the audit interceptor (--iterations saves per mode, --warmup first)
          audit-volume  `audit verify` and the CSV/xlsx exports over --entries chained entries, time and peak memory
        """;

    private static readonly string[] s_commands = ["startup", "listing", "crypto", "lookup", "text", "audit-append", "audit-volume"];

    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || !s_commands.Contains(args[0]))
        {
            return null;
        }

        var providers = new List<string> { "sqlite", "postgres" };
        var runs = args[0] == "text" ? 3 : 10;
        var warmup = 15;
        var iterations = 150;
        var pg = "Host=127.0.0.1;Port=5432;Database=xiaobao;Username=xiaobao;Password=xiaobao";
        var repo = FindRepoRoot();
        var showSql = false;
        var customers = 1_000_000;
        string? shared = null;
        var entries = 1_000_000;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--providers": providers = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--iterations": iterations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pg": pg = Next(); break;
                case "--repo": repo = Next(); break;
                case "--sql": showSql = true; break;
                case "--customers": customers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--shared": shared = Next(); break;
                case "--entries": entries = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        return providers.All(p => p is "sqlite" or "postgres")
            ? new BenchOptions(args[0], providers, runs, warmup, iterations, pg, repo, showSql, customers, entries) { SharedData = shared }
            : null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Xiaobao.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
