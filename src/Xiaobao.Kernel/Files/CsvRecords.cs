using System.Text;

namespace Xiaobao.Kernel.Files;

/// <summary>
/// RFC 4180 records from already decoded text. MiniExcel's CSV reader copes with quoted newlines too, but it wants a
/// stream in a known encoding, while we must look at the whole byte buffer to choose UTF-8 or GB18030; owning the
/// parser also lets an unclosed quote fail loudly instead of swallowing the rest of the file, and keeps blank lines
/// counted so row numbers match what Excel shows.
/// </summary>
public static class CsvRecords
{
    public static List<string[]> Parse(string text)
    {
        var delimiter = SniffDelimiter(text);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var fieldQuoted = false;
        var i = 0;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            records.Add([.. fields]);
            fields.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !fieldQuoted)
            {
                fieldQuoted = true;
                i = ReadQuoted(text, i + 1, field, records.Count + 1);
            }
            else if (c == delimiter)
            {
                EndField();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                // Lenient like Excel: a stray quote inside an unquoted field, or text after a closing quote, is kept as text.
                field.Append(c);
                i++;
            }
        }

        if (field.Length > 0 || fieldQuoted || fields.Count > 0)
        {
            EndRecord();
        }

        return records;
    }

    private static int ReadQuoted(string text, int start, StringBuilder field, int rowNumber)
    {
        var i = start;
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                field.Append(text[i]);
                i++;
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
            }
            else
            {
                return i + 1;
            }
        }

        // Accepting it would silently swallow every following row into one cell.
        throw new CsvFormatException(rowNumber);
    }

    // Excel's "Unicode text" export is tab-separated and European locales use semicolons; the header line tells which.
    private static char SniffDelimiter(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var header = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        char[] candidates = [',', '\t', ';'];
        var best = ',';
        var bestCount = 0;
        foreach (var candidate in candidates)
        {
            var count = header.Count(candidate);
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }
}

/// <summary>A quoted CSV field is never closed; <see cref="Row"/> is the 1-based record where it opens.</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException(int row)
        : base($"A quoted field opened on row {row} is never closed.")
    {
        Row = row;
    }

    public CsvFormatException()
        : this(0)
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Row { get; }
}
