namespace Xiaobao.TextEngine.Features.Cli;

/// <summary>The options of the text commands, or the problem that stopped them being read.</summary>
internal sealed record CliOptions
{
    public string? File { get; init; }

    public string? Text { get; init; }

    public string? Column { get; init; }

    public string? DocumentType { get; init; }

    public IReadOnlyList<string> RuleSets { get; init; } = [];

    public IReadOnlyList<string> UserTerms { get; init; } = [];

    public bool Json { get; init; }

    public string? Problem { get; init; }

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--json")
            {
                options = options with { Json = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return new CliOptions { Problem = $"{name} needs a value" };
            }

            var value = args[++i];
            options = name switch
            {
                "--file" or "-f" => options with { File = value },
                "--text" or "-t" => options with { Text = value },
                "--column" or "-c" => options with { Column = value },
                "--document-type" or "-d" => options with { DocumentType = value },
                "--rule-set" or "--rule-sets" or "-r" => options with { RuleSets = [.. options.RuleSets, .. List(value)] },
                "--user-terms" or "-u" => options with { UserTerms = [.. options.UserTerms, .. List(value)] },
                _ => new CliOptions { Problem = $"unknown option '{name}'" },
            };
            if (options.Problem is not null)
            {
                return options;
            }
        }

        return options;
    }

    private static string[] List(string value) =>
        value.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
