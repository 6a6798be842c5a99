using Microsoft.EntityFrameworkCore;
using Xiaobao.Customers.Domain;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Privacy;

namespace Xiaobao.Customers.Features.EraseCustomer;

/// <summary>
/// Data-subject deletion (PIPL art 47): every declared personal field is replaced by the erased marker, blind indexes
/// and clear personal fields are reset, and an "erased" audit entry names the fields (never values). The customer
/// number and the access log stay. Erasing again changes nothing.
/// </summary>
public static class EraseCustomer
{
    /// <summary>False when the customer is not in the caller's scope.</summary>
    public static async Task<bool> HandleAsync(ICustomersDb db, IAuditLog audit, TimeProvider clock, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return false;
        }

        if (customer.IsErased)
        {
            return true;
        }

        customer.Erase(clock.GetUtcNow());
        audit.Add(new AuditEvent(AuditActions.Erased, nameof(Customer), id.ToString(), new Dictionary<string, object?>
        {
            ["customerNumber"] = customer.CustomerNumber,
            ["fields"] = PersonalFields.Of<Customer>().Where(f => !f.IsIndex).Select(f => f.Name).ToList(),
        }, customer.OrganisationId, customer.OrganisationPath));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
