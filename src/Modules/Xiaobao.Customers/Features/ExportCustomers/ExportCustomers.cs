using MiniExcelLibs;
using Xiaobao.Customers.Features.ListCustomers;
using Xiaobao.Customers.Features.Shared;

namespace Xiaobao.Customers.Features.ExportCustomers;

public enum CustomerExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// The filtered, scoped customer list as a spreadsheet, personal fields masked exactly as on screen: an export never
/// carries a value in clear. Rows stream through a temporary file, so memory stays flat.
/// </summary>
public static class ExportCustomers
{
    public static async Task<Stream> HandleAsync(ICustomersDb db, CustomerView view, CustomerFilter filter, CustomerExportFormat format, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await MiniExcel.SaveAsAsync(file, Rows(db, view, filter, ct).ToBlockingEnumerable(ct), excelType: format == CustomerExportFormat.Csv ? ExcelType.CSV : ExcelType.XLSX, cancellationToken: ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> Rows(
        ICustomersDb db, CustomerView view, CustomerFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var customer in ListCustomers.ListCustomers.StreamAsync(db, filter).WithCancellation(ct))
        {
            var c = view.Show(customer, null);
            yield return new Dictionary<string, object?>
            {
                ["customer_number"] = c.CustomerNumber,
                ["name"] = c.Name,
                ["gender"] = c.Gender.ToString(),
                ["birth_date"] = c.BirthDate,
                ["id_number"] = c.IdNumber,
                ["mobile"] = c.Mobile,
                ["email"] = c.Email,
                ["address"] = c.Address,
                ["bank_account"] = c.BankAccount,
                ["elderly"] = c.Elderly,
                ["disabled"] = c.Disabled,
                ["low_income"] = c.LowIncome,
                ["serious_illness"] = c.SeriousIllness,
                ["erased"] = c.Erased,
            };
        }
    }
}
