using System.Globalization;
using Xiaobao.Kernel.Files;

namespace Xiaobao.TextEngine.Features.Cli;

/// <summary>One text to process from the command line, and where it came from (a CSV row number, or none).</summary>
internal sealed record CliText(int? Row, string Text);

/// <summary>A file or option the command cannot use; the message is the one line printed before exiting 1.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException()
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Reads what the command works on: a whole text file, or one column of a CSV file, decoded as the organisation import
/// decodes uploads (UTF-8, UTF-16 or GB18030 by sniffing, binary refused).
/// </summary>
internal static class TextInputFile
{
    public const int MaxFileBytes = 64 * 1024 * 1024;

    public static IReadOnlyList<CliText> Read(string path, string? column)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: no such file");
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new CliInputException($"{path}: {length / 1024 / 1024} MB is over the {MaxFileBytes / 1024 / 1024} MB a file may have");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            throw new CliInputException($"{path}: the file is empty");
        }

        var decoded = TextFileDecoder.Decode(bytes)
            ?? throw new CliInputException($"{path}: not a text file (binary, or not UTF-8, UTF-16 or GB18030)");
        var csv = column is not null || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        return csv ? Column(path, decoded.Text, column) : [new CliText(null, decoded.Text)];
    }

    private static List<CliText> Column(string path, string text, string? column)
    {
        List<string[]> records;
        try
        {
            records = CsvRecords.Parse(text);
        }
        catch (CsvFormatException e)
        {
            throw new CliInputException($"{path}: a quoted field opened on row {e.Row} is never closed");
        }

        var headerRow = records.FindIndex(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerRow < 0)
        {
            throw new CliInputException($"{path}: the CSV file has no header row");
        }

        var header = records[headerRow].Select(h => h.Trim()).ToArray();
        if (column is null)
        {
            throw new CliInputException($"{path}: name the column to read with --column (columns: {string.Join(", ", header)})");
        }

        var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        if (index < 0 && int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= header.Length)
        {
            index = number - 1;
        }

        if (index < 0)
        {
            throw new CliInputException($"{path}: no column '{column}' (columns: {string.Join(", ", header)})");
        }

        var texts = records.Skip(headerRow + 1)
            .Select((cells, i) => new CliText(headerRow + i + 2, index < cells.Length ? cells[index] : string.Empty))
            .Where(t => !string.IsNullOrWhiteSpace(t.Text))
            .ToList();
        return texts.Count > 0 ? texts : throw new CliInputException($"{path}: column '{header[index]}' has no text in any row");
    }
}
