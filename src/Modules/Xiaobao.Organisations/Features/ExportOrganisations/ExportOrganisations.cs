using MiniExcelLibs;
using Xiaobao.Kernel.Paging;
using Xiaobao.Organisations.Features.ListOrganisations;
using Xiaobao.Organisations.Features.Shared;

namespace Xiaobao.Organisations.Features.ExportOrganisations;

public enum SpreadsheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes the filtered, scoped organisation list in the import layout, so an export can be edited and imported back.
/// Rows stream from the database into a temporary file, keeping memory flat whatever the list's size.
/// </summary>
public static class ExportOrganisations
{
    public static async Task<Stream> HandleAsync(IOrganisationsDb db, OrganisationFilter filter, SpreadsheetFormat format, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var source = ListOrganisations.ListOrganisations.StreamAsync(db, filter, new PageRequest(Sort: "code"));
            await MiniExcel.SaveAsAsync(file, ToRows(source, ct).ToBlockingEnumerable(ct), excelType: format == SpreadsheetFormat.Csv ? ExcelType.CSV : ExcelType.XLSX, cancellationToken: ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> ToRows(IAsyncEnumerable<OrganisationDto> source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var o in source.WithCancellation(ct))
        {
            yield return new Dictionary<string, object?>
            {
                ["code"] = o.Code,
                ["name_zh"] = o.NameZh,
                ["name_en"] = o.NameEn,
                ["level"] = o.Level.ToString(),
                ["parent_code"] = o.ParentCode ?? string.Empty,
                ["active"] = o.IsActive ? "true" : "false",
            };
        }
    }
}
