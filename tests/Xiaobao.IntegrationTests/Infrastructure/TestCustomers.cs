using System.Globalization;
using System.Text.Json;
using Xiaobao.Kernel.Identifiers;

namespace Xiaobao.IntegrationTests.Infrastructure;

/// <summary>Customers with values no demo customer has, so a test can find exactly its own.</summary>
public static class TestCustomers
{
    public sealed record Values(string Number, string Name, string IdNumber, string Mobile, string Email, string Address, string BankAccount, string Notes);

    public static Values NewValues(DateOnly? born = null)
    {
        var suffix = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var birth = born ?? new DateOnly(1958, 3, 12);
        var first17 = $"440305{birth:yyyyMMdd}{suffix[..2]}1"; // an odd 17th digit: a man
        return new Values(
            $"T{suffix}{Random.Shared.Next(100, 999)}",
            "欧阳明月",
            first17 + ResidentIdNumber.CheckDigit(first17),
            $"199{suffix}",
            $"probe{suffix}@example.org",
            $"广东省深圳市南山区探针路{suffix[..4]}号",
            $"6222021{suffix}{suffix[..4]}",
            $"探针备注{suffix}：客户有高血压病史");
    }

    public static object Body(Values v, string organisationCode = "GD-SZ-NS") => new
    {
        customerNumber = v.Number,
        organisationCode,
        name = v.Name,
        idNumber = v.IdNumber,
        mobile = v.Mobile,
        email = v.Email,
        address = v.Address,
        bankAccount = v.BankAccount,
        notes = v.Notes,
        seriousIllness = true,
    };

    /// <summary>Creates the customer through the API as <paramref name="client"/> and returns its id.</summary>
    public static async Task<string> CreateAsync(HttpClient client, Values values, string organisationCode = "GD-SZ-NS")
    {
        var created = await HttpAssertions.ReadJsonAsync(await client.PostJsonAsync("/api/v1/customers", Body(values, organisationCode)));
        return created.GetProperty("id").GetString()!;
    }

    public static string? Text(JsonElement json, string property) => json.GetProperty(property).GetString();
}
