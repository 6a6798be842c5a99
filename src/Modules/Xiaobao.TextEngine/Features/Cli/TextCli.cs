using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xiaobao.Kernel.Errors;
using Xiaobao.Text.Phrases;
using Xiaobao.TextEngine.Features.Check;
using Xiaobao.TextEngine.Features.Segment;

namespace Xiaobao.TextEngine.Features.Cli;

/// <summary>
/// The "text segment" and "text check" commands. Exit codes: 0 done (findings or not), 1 bad input (a one-line reason
/// on standard error), 2 bad usage.
/// </summary>
public static class TextCli
{
    public const string Segment = "text segment";
    public const string Check = "text check";

    public const string Usage = """
        usage: text segment (--file PATH [--column NAME] | --text TEXT) [--user-terms a,b] [--json]
               text check --rule-set ID[,ID…] (--file PATH [--column NAME] | --text TEXT) [--document-type TYPE] [--json]
        A .csv file (or any file with --column) is read row by row from the named column; other files are one text.
        """;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string command, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = CliOptions.Parse(args);
        if (options.Problem is not null || (options.File is null) == (options.Text is null))
        {
            await error.WriteLineAsync($"text: {options.Problem ?? "give exactly one of --file and --text"}");
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var maxBytes = scope.ServiceProvider.GetRequiredService<IOptions<TextEngineOptions>>().Value.MaxTextBytes;
        try
        {
            var texts = options.File is { } file ? TextInputFile.Read(file, options.Column) : [new CliText(null, options.Text!)];
            if (command == Segment)
            {
                return await SegmentAsync(scope.ServiceProvider.GetRequiredService<SegmentText>(), options, texts, maxBytes, output, ct);
            }

            if (options.RuleSets.Count == 0)
            {
                await error.WriteLineAsync("text: name the rule sets to check with --rule-set (for example marketing-zh,personal-data)");
                return 2;
            }

            return await CheckAsync(scope.ServiceProvider.GetRequiredService<CheckText>(), options, texts, maxBytes, output, ct);
        }
        catch (CliInputException e)
        {
            await error.WriteLineAsync($"text: {e.Message}");
            return 1;
        }
        catch (ValidationFailedException e)
        {
            var reasons = e.Errors.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"));
            await error.WriteLineAsync($"text: {string.Join(" ", reasons)}");
            return 1;
        }
    }

    private static async Task<int> SegmentAsync(SegmentText handler, CliOptions options, IReadOnlyList<CliText> texts, int maxBytes, TextWriter output, CancellationToken ct)
    {
        foreach (var item in texts)
        {
            var result = await handler.HandleAsync(new SegmentRequest(item.Text, options.UserTerms), maxBytes, ct);
            if (options.Json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { row = item.Row, result.Count, result.Tokens }, s_json));
                continue;
            }

            // One output line per input line, words separated by " / " as jieba's command line does.
            var line = new List<string>();
            foreach (var token in result.Tokens)
            {
                if (token.Text.Contains('\n', StringComparison.Ordinal))
                {
                    await output.WriteLineAsync((item.Row is { } row ? $"{row}\t" : string.Empty) + string.Join(" / ", line));
                    line.Clear();
                }
                else if (token.Kind != Text.Segmentation.TokenKind.Whitespace)
                {
                    line.Add(token.Text);
                }
            }

            if (line.Count > 0)
            {
                await output.WriteLineAsync((item.Row is { } row ? $"{row}\t" : string.Empty) + string.Join(" / ", line));
            }
        }

        return 0;
    }

    private static async Task<int> CheckAsync(CheckText handler, CliOptions options, IReadOnlyList<CliText> texts, int maxBytes, TextWriter output, CancellationToken ct)
    {
        var findings = 0;
        var blocking = 0;
        var missing = 0;
        foreach (var item in texts)
        {
            var result = await handler.HandleAsync(new CheckRequest(item.Text, options.RuleSets, options.DocumentType), maxBytes, ct);
            findings += result.Findings.Count;
            blocking += result.Findings.Count(f => f.Severity == Severity.Block) + result.Missing.Count(m => m.Severity == Severity.Block);
            missing += result.Missing.Count;
            if (options.Json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { row = item.Row, result.Findings, result.Missing }, s_json));
                continue;
            }

            var where = item.Row is { } row ? $"row {row} " : string.Empty;
            foreach (var f in result.Findings)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{where}{f.Start}+{f.Length}\t{f.Severity.ToString().ToLowerInvariant()}\t{f.RuleId}\t{OneLine(f.Text)}\t{f.Explanation}"));
            }

            foreach (var m in result.Missing)
            {
                await output.WriteLineAsync($"{where}missing\t{m.Severity.ToString().ToLowerInvariant()}\t{m.RuleId}\t\t{m.Explanation}");
            }
        }

        if (!options.Json)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"text check: {texts.Count} text(s), {findings} finding(s), {missing} missing disclosure(s), {blocking} blocking"));
        }

        return 0;
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
