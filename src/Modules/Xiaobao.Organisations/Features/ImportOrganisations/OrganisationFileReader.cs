using System.Globalization;
using MiniExcelLibs;
using Xiaobao.Kernel.Files;
using Xiaobao.Kernel.Localization;
using Xiaobao.Organisations.Features.Shared;

namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>
/// Turns an uploaded CSV or XLSX into <see cref="OrganisationImportRow"/>s. The format is decided from the bytes,
/// not the file name, because files get renamed and browsers report whatever type the extension suggests.
/// </summary>
internal static class OrganisationFileReader
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxDataRows = 10_000;

    public static IReadOnlyList<OrganisationImportRow> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ReadAll(stream, fileName);
        if (bytes.Length == 0)
        {
            throw new OrganisationFileException(OrganisationFileProblem.Empty, UiText.Format("Error.File.Empty", fileName));
        }

        var records = StartsWith(bytes, "PK\x03\x04"u8) ? ReadXlsx(bytes, fileName) : ReadCsv(bytes, fileName);
        return ToRows(records, fileName);
    }

    private static byte[] ReadAll(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new OrganisationFileException(
                    OrganisationFileProblem.TooLarge, UiText.Format("Error.File.TooLarge", fileName, MaxFileBytes / (1024 * 1024)));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static List<string?[]> ReadXlsx(byte[] bytes, string fileName)
    {
        var records = new List<string?[]>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var nonEmpty = 0;
            foreach (var row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>())
            {
                var cells = new string?[row.Count == 0 ? 0 : row.Keys.Max(ColumnIndex) + 1];
                foreach (var (column, value) in row)
                {
                    cells[ColumnIndex(column)] = CellText(value);
                }

                records.Add(cells);

                // Stop early so a crafted sheet cannot make us materialise millions of rows; ToRows reports the limit.
                if (!IsBlank(cells) && ++nonEmpty > MaxDataRows + 1)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OrganisationFileException and not OutOfMemoryException)
        {
            throw new OrganisationFileException(
                OrganisationFileProblem.UnreadableWorkbook, UiText.Format("Error.File.UnreadableWorkbook", fileName), ex);
        }

        return records;
    }

    // MiniExcel keys cells by column letters (A, B, ..., AA) when there is no header row.
    private static int ColumnIndex(string column)
    {
        var index = 0;
        foreach (var letter in column)
        {
            index = (index * 26) + (char.ToUpperInvariant(letter) - 'A' + 1);
        }

        return index - 1;
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string text => text,

        // Excel stores a typed "2" or "101" as a double; the code or level must not come back as "2.0".
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static List<string?[]> ReadCsv(byte[] bytes, string fileName)
    {
        var text = TextFileDecoder.Decode(bytes)?.Text ?? throw NotSpreadsheet(bytes, fileName);
        try
        {
            return [.. CsvRecords.Parse(text)];
        }
        catch (CsvFormatException e)
        {
            throw new OrganisationFileException(OrganisationFileProblem.MalformedCsv, UiText.Format("Error.File.UnclosedQuote", e.Row), e);
        }
    }

    private static OrganisationFileException NotSpreadsheet(byte[] bytes, string fileName)
    {
        var message = StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0])
            ? UiText.Format("Error.File.OldXls", fileName)
            : UiText.Format("Error.File.NotSpreadsheet", fileName);
        return new OrganisationFileException(OrganisationFileProblem.NotSpreadsheet, message);
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => TextFileDecoder.StartsWith(bytes, prefix);

    private static bool IsBlank(string?[] cells) => cells.All(string.IsNullOrWhiteSpace);

    private static List<OrganisationImportRow> ToRows(List<string?[]> records, string fileName)
    {
        var headerIndex = records.FindIndex(cells => !IsBlank(cells));
        if (headerIndex < 0)
        {
            throw new OrganisationFileException(OrganisationFileProblem.Empty, UiText.Format("Error.File.NoHeader", fileName));
        }

        var columns = MapHeader(records[headerIndex], fileName);
        var rows = new List<OrganisationImportRow>();
        for (var i = headerIndex + 1; i < records.Count; i++)
        {
            var cells = records[i];
            if (IsBlank(cells))
            {
                continue;
            }

            if (rows.Count == MaxDataRows)
            {
                throw new OrganisationFileException(
                    OrganisationFileProblem.TooManyRows, UiText.Format("Error.File.TooManyRows", fileName, MaxDataRows));
            }

            string? Cell(string column) =>
                columns.TryGetValue(column, out var index) && index < cells.Length && !string.IsNullOrWhiteSpace(cells[index])
                    ? cells[index]!.Trim()
                    : null;

            rows.Add(new OrganisationImportRow(
                i + 1,
                Cell(OrganisationImportColumns.Code),
                Cell(OrganisationImportColumns.NameZh),
                Cell(OrganisationImportColumns.NameEn),
                Cell(OrganisationImportColumns.Level),
                Cell(OrganisationImportColumns.ParentCode),
                Cell(OrganisationImportColumns.Active)));
        }

        if (rows.Count == 0)
        {
            throw new OrganisationFileException(OrganisationFileProblem.NoDataRows, UiText.Format("Error.File.NoDataRows", fileName));
        }

        return rows;
    }

    private static Dictionary<string, int> MapHeader(string?[] header, string fileName)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var column = OrganisationImportColumns.Resolve(header[i]);
            if (column is not null && !columns.TryAdd(column, i))
            {
                throw new OrganisationFileException(
                    OrganisationFileProblem.DuplicateColumn, UiText.Format("Error.File.DuplicateColumn", fileName, column));
            }
        }

        var missing = OrganisationImportColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new OrganisationFileException(
                OrganisationFileProblem.MissingColumns, UiText.Format("Error.File.MissingColumns", fileName, OrganisationText.List(missing)))
            {
                MissingColumns = missing,
            };
        }

        return columns;
    }
}
