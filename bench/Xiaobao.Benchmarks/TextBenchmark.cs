using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xiaobao.Text.Phrases;
using Xiaobao.Text.Segmentation;

namespace Xiaobao.Benchmarks;

/// <summary>
/// The text engine's two measures, in one run on one machine: segmentation of a 10 MB text by Xiaobao and by Debian's
/// python3-jieba (throughput and token agreement), and phrase checking with 10,000 rules (MB/s). MB = 10^6 UTF-8 bytes.
/// </summary>
internal static class TextBenchmark
{
    private const int CorpusBytes = 10_000_000;
    private const string Python = "/usr/bin/python3";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var shared = options.SharedData ?? Path.GetFullPath(Path.Combine(options.RepoRoot, "..", "shared", "data"));
        var corpus = TextCorpus.Build(shared, CorpusBytes);
        var lines = corpus.Split('\n');
        var megabytes = Encoding.UTF8.GetByteCount(corpus) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {megabytes:F2} MB, {lines.Length:N0} lines, {corpus.Length:N0} characters (from {shared})"));

        await SegmentationAsync(options, corpus, lines, megabytes);
        Checking(options, corpus, lines, megabytes);
        return 0;
    }

    private static async Task SegmentationAsync(BenchOptions options, string corpus, string[] lines, double megabytes)
    {
        var dir = Directory.CreateTempSubdirectory("xiaobao-bench-text").FullName;
        var corpusFile = Path.Combine(dir, "corpus.txt");
        var userDict = Path.Combine(dir, "insurance-terms.txt");
        var pythonOut = Path.Combine(dir, "python-tokens.txt");
        await File.WriteAllTextAsync(corpusFile, corpus, new UTF8Encoding(false));

        var init = Stopwatch.StartNew();
        var segmenter = ChineseSegmenter.Shared;
        init.Stop();
        await File.WriteAllLinesAsync(userDict, segmenter.InsuranceTerms, new UTF8Encoding(false));

        // One untimed pass over a slice so the JIT has compiled the hot paths, as a long-running server has.
        foreach (var line in lines.Take(2_000))
        {
            segmenter.Segment(line);
        }

        var raw = new SegmentationOptions { Normalise = false };
        List<IReadOnlyList<Token>> rawTokens = [];
        List<IReadOnlyList<Token>> defaultTokens = [];
        var rawTimes = Times(options.Runs, () => rawTokens = [.. lines.Select(l => segmenter.Segment(l, raw))]);
        var defaultTimes = Times(options.Runs, () => defaultTokens = [.. lines.Select(l => segmenter.Segment(l))]);

        var pythonTimes = new List<(double Wall, double Cpu)>();
        double pythonInit = 0;
        string pythonVersion = "?";
        for (var run = 0; run < options.Runs; run++)
        {
            var result = await RunPythonAsync(options.RepoRoot, corpusFile, pythonOut, userDict);
            pythonTimes.Add((result.GetProperty("segment").GetDouble(), result.GetProperty("segment_cpu").GetDouble()));
            pythonInit = result.GetProperty("init").GetDouble();
            pythonVersion = result.GetProperty("version").GetString() ?? "?";
        }

        var pythonTokens = (await File.ReadAllTextAsync(pythonOut)).Split('\n')[..lines.Length].Select(l => l.Length == 0 ? [] : l.Split('\u001f')).ToList();
        var rawAgreement = Agreement(rawTokens, pythonTokens);
        var defaultAgreement = Agreement(defaultTokens, pythonTokens);
        Directory.Delete(dir, recursive: true);

        Console.WriteLine();
        Console.WriteLine($"## Segmentation: {megabytes:F2} MB, {options.Runs} runs each, median (min–max); both with Xiaobao's {segmenter.InsuranceTerms.Count} insurance terms loaded");
        Console.WriteLine();
        Console.WriteLine("| Segmenter | load (s) | segment, wall (s) | MB/s wall | segment, CPU (s) | MB/s CPU | tokens | tokens identical to python3-jieba | lines identical |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row($"python3-jieba {pythonVersion} (`/usr/bin/python3`, jieba.cut, HMM on)", pythonInit, pythonTimes, megabytes, pythonTokens.Sum(t => t.Length), null);
        Row("Xiaobao, jieba.NET 0.42.2, no folding (`Normalise = false`)", init.Elapsed.TotalSeconds, rawTimes, megabytes, rawTokens.Sum(t => t.Count), rawAgreement);
        Row("Xiaobao default (width and Traditional folding)", init.Elapsed.TotalSeconds, defaultTimes, megabytes, defaultTokens.Sum(t => t.Count), defaultAgreement);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed ratio python3-jieba time / Xiaobao time (CPU): no folding {Median(pythonTimes.Select(t => t.Cpu)) / Median(rawTimes.Select(t => t.Cpu)):F2}×, default {Median(pythonTimes.Select(t => t.Cpu)) / Median(defaultTimes.Select(t => t.Cpu)):F2}×; (wall) {Median(pythonTimes.Select(t => t.Wall)) / Median(rawTimes.Select(t => t.Wall)):F2}×, {Median(pythonTimes.Select(t => t.Wall)) / Median(defaultTimes.Select(t => t.Wall)):F2}×"));
    }

    private static void Checking(BenchOptions options, string corpus, string[] lines, double megabytes)
    {
        var compile = Stopwatch.StartNew();
        var generated = GeneratedRuleSet(10_000);
        var json = RuleSetJson.Write(generated);
        var parsed = RuleSetJson.Parse(json);
        var parse = compile.Elapsed.TotalSeconds;
        var tenThousand = new CompiledRuleSet(parsed);
        compile.Stop();
        var shipped = BuiltInRuleSets.All.Where(s => !s.NeedsDocumentType).Select(s => BuiltInRuleSets.Find(s.Id)!).ToList();
        var chunks = Chunks(lines, 1_000_000);

        // Enough calls on small texts for the tiered JIT to reach its optimised code, as in a server that has run a while.
        foreach (var line in lines.Take(100))
        {
            PhraseChecker.Check(line, [tenThousand, .. shipped]);
        }

        Console.WriteLine();
        Console.WriteLine($"## Phrase checking: {megabytes:F2} MB, {options.Runs} runs each, median (min–max)");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated rule set: {generated.Rules.Count:N0} phrase rules ({generated.Rules.Sum(r => r.Phrases.Count):N0} phrases, {generated.Rules.Sum(r => r.Exceptions.Count):N0} exceptions), JSON {json.Length / 1e6:F1} MB: write + parse + validate {parse:F2} s, compile {compile.Elapsed.TotalSeconds - parse:F2} s"));
        Console.WriteLine();
        Console.WriteLine("| Rule sets | Texts | wall (s) | MB/s wall | CPU (s) | MB/s CPU | findings |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, sets) in new[] { ("10,000 generated rules", new[] { tenThousand }), ("10,000 generated + marketing-zh + personal-data", [tenThousand, .. shipped]) })
        {
            var findings = 0;
            var whole = Times(options.Runs, () => findings = PhraseChecker.Check(corpus, sets).Findings.Count);
            CheckRow(name, "one 10 MB text", whole, megabytes, findings);
            var chunked = Times(options.Runs, () => findings = chunks.Sum(c => PhraseChecker.Check(c, sets).Findings.Count));
            CheckRow(name, $"{chunks.Count} texts of ≤ 1 MB (the API limit)", chunked, megabytes, findings);
            var perLine = Times(options.Runs, () => findings = lines.Sum(l => PhraseChecker.Check(l, sets).Findings.Count));
            CheckRow(name, $"{lines.Length:N0} paragraphs", perLine, megabytes, findings);
        }
    }

    /// <summary>
    /// 10,000 phrase rules from jieba's dictionary: 2–4-character Chinese words of middling frequency (the kind of word a
    /// house rule bans), every tenth rule with a second phrase and every twentieth with a context exception.
    /// </summary>
    private static RuleSet GeneratedRuleSet(int count)
    {
        var words = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt"))
            .Select(l => l.Split(' '))
            .Where(p => p.Length >= 2 && p[0].Length is >= 2 and <= 4 && p[0].All(c => c is >= '\u4E00' and <= '\u9FA5')
                && int.TryParse(p[1], CultureInfo.InvariantCulture, out var f) && f is >= 20 and <= 2_000)
            .Select(p => p[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var random = new Random(42);
        var picked = words.OrderBy(_ => random.Next()).Take(count * 2).ToList();
        var marketing = BuiltInRuleSets.Find(BuiltInRuleSets.Marketing)!.RuleSet;
        var rules = Enumerable.Range(0, count).Select(i => new Rule
        {
            Id = $"GEN-{i:D5}",
            Kind = RuleKind.Phrase,
            Category = "generated",
            Severity = i % 3 == 0 ? Severity.Block : Severity.Warn,
            Phrases = i % 10 == 0 ? [picked[i], picked[count + i]] : [picked[i]],
            Exceptions = i % 20 == 0 ? [picked[i] + "的"] : [],
            Explanation = new LocalisedText("生成的规则。", "Generated rule."),
            Source = "benchmark",
        }).ToList();
        return new RuleSet { Id = "bench-10k", Version = "1", Name = new LocalisedText("基准"), Negation = marketing.Negation, Rules = rules };
    }

    private static List<string> Chunks(string[] lines, int maxBytes)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        var bytes = 0;
        foreach (var line in lines)
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (bytes + size > maxBytes && current.Length > 0)
            {
                chunks.Add(current.ToString());
                current.Clear();
                bytes = 0;
            }

            current.Append(line).Append('\n');
            bytes += size;
        }

        chunks.Add(current.ToString());
        return chunks;
    }

    /// <summary>Share of python3-jieba's tokens that Xiaobao produced with the same boundaries, and share of lines cut identically.</summary>
    private static (double Tokens, double Lines) Agreement(List<IReadOnlyList<Token>> ours, List<string[]> theirs)
    {
        long same = 0;
        long total = 0;
        var identicalLines = 0;
        for (var i = 0; i < ours.Count; i++)
        {
            var spans = new HashSet<(int, int)>(ours[i].Select(t => (t.Start, t.Length)));
            var at = 0;
            var lineSame = spans.Count == theirs[i].Length;
            foreach (var token in theirs[i])
            {
                var match = spans.Contains((at, token.Length));
                same += match ? 1 : 0;
                lineSame &= match;
                at += token.Length;
            }

            total += theirs[i].Length;
            identicalLines += lineSame ? 1 : 0;
        }

        return (same / (double)total, identicalLines / (double)ours.Count);
    }

    private static async Task<JsonElement> RunPythonAsync(string repoRoot, string corpus, string output, string userDict)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(repoRoot, "bench", "text", "jieba_segment.py"), corpus, output, userDict })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3-jieba failed ({process.ExitCode}): {await stderr} — install Debian's python3-jieba.");
        }

        return JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>
    /// Wall-clock and CPU seconds of each run. The work is single-threaded, so on a machine shared with other jobs the
    /// process's CPU time is the better measure of the code; the wall time is what a caller waited.
    /// </summary>
    private static List<(double Wall, double Cpu)> Times(int runs, Action action)
    {
        var times = new List<(double, double)>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            process.Refresh();
            times.Add((watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
        }

        return times;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Seconds(List<(double Wall, double Cpu)> times, Func<(double Wall, double Cpu), double> pick) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(times.Select(pick)):F2} ({times.Min(pick):F2}–{times.Max(pick):F2})");

    private static void Row(string name, double load, List<(double Wall, double Cpu)> times, double megabytes, long tokens, (double Tokens, double Lines)? agreement) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {load:F2} | {Seconds(times, t => t.Wall)} | {megabytes / Median(times.Select(t => t.Wall)):F2} | {Seconds(times, t => t.Cpu)} | {megabytes / Median(times.Select(t => t.Cpu)):F2} | {tokens:N0} | {(agreement is { } a ? $"{a.Tokens:P2}" : "—")} | {(agreement is { } b ? $"{b.Lines:P2}" : "—")} |"));

    private static void CheckRow(string sets, string texts, List<(double Wall, double Cpu)> times, double megabytes, int findings) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {sets} | {texts} | {Seconds(times, t => t.Wall)} | {megabytes / Median(times.Select(t => t.Wall)):F1} | {Seconds(times, t => t.Cpu)} | {megabytes / Median(times.Select(t => t.Cpu)):F1} | {findings:N0} |"));
}
