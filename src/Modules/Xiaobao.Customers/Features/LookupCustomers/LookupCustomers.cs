using Microsoft.EntityFrameworkCore;
using Xiaobao.Customers.Domain;
using Xiaobao.Customers.Features.Shared;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Identifiers;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Customers.Features.LookupCustomers;

/// <summary>
/// Exact lookup by mobile number or ID number through the keyed blind index: one indexed equality, no row is decrypted
/// to search. Every customer found gets a "looked-up" entry in its access log.
/// </summary>
public static class LookupCustomers
{
    public static async Task<IReadOnlyList<CustomerDto>> HandleAsync(
        ICustomersDb db, CustomerView view, IPersonalDataProtector protector, IPersonalDataAccess access, TimeProvider clock, string? phone, string? idNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(access);
        IQueryable<Customer> query;
        string field;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            if (MobileNumber.Error(phone) is { } error)
            {
                throw ValidationFailedException.For("phone", error);
            }

            var index = protector.BlindIndex(PersonalKind.Phone, phone);
            query = db.Customers.AsNoTracking().Where(c => c.MobileIndex == index);
            field = CustomerFields.Mobile.Name;
        }
        else if (!string.IsNullOrWhiteSpace(idNumber))
        {
            if (ResidentIdNumber.Error(idNumber, CustomerView.ChinaToday(clock)) is { } error)
            {
                throw ValidationFailedException.For("idNumber", error);
            }

            var index = protector.BlindIndex(PersonalKind.IdNumber, idNumber);
            query = db.Customers.AsNoTracking().Where(c => c.IdNumberIndex == index);
            field = CustomerFields.IdNumber.Name;
        }
        else
        {
            throw ValidationFailedException.For("phone", UiText.Get("Error.Customer.LookupNeedsValue"));
        }

        var found = await query.OrderBy(c => c.CustomerNumber).Take(50).ToListAsync(ct);
        await access.RecordLookupAsync(CustomersModule.ScopedKind, field, [.. found.Select(c => (c.Id, (IOrganisationScoped)c))], ct);
        return await view.ShowAsync(found, ct);
    }
}
