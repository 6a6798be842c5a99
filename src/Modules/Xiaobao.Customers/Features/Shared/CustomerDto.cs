using System.Globalization;
using Xiaobao.Customers.Domain;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Customers.Features.Shared;

/// <summary>
/// A customer as the API, the pages and exports show it: every personal field masked by its kind (null when empty or
/// erased). <see cref="Unreadable"/> names fields whose stored value failed authentication; they are never shown.
/// </summary>
public sealed record CustomerDto(
    Guid Id,
    string CustomerNumber,
    Guid OrganisationId,
    string? OrganisationCode,
    string? Name,
    Gender Gender,
    string? BirthDate,
    string? IdNumber,
    string? Mobile,
    string? Email,
    string? Address,
    string? BankAccount,
    string? Notes,
    bool Elderly,
    bool Disabled,
    bool LowIncome,
    bool SeriousIllness,
    bool Erased,
    IReadOnlyList<string> Unreadable,
    DateTimeOffset UpdatedAt);

/// <summary>Turns stored customers into masked <see cref="CustomerDto"/>s, decrypting each field only to mask it.</summary>
public sealed class CustomerView(IPersonalDataProtector protector, IOrganisationDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CustomerDto>> ShowAsync(IReadOnlyList<Customer> customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var organisations = await directory.FindManyAsync([.. customers.Select(c => c.OrganisationId).Distinct()], ct);
        return [.. customers.Select(c => Show(c, organisations.GetValueOrDefault(c.OrganisationId)?.Code))];
    }

    public CustomerDto Show(Customer customer, string? organisationCode)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var unreadable = new List<string>();
        string? Masked(PersonalField field)
        {
            var value = PersonalValues.Read(protector, customer, customer.Id, field);
            if (value.State == PersonalValueState.Unreadable)
            {
                unreadable.Add(field.Name);
            }

            return PersonalValues.Masked(field, value);
        }

        var birth = PersonalValues.Read(protector, customer, customer.Id, CustomerFields.BirthDate);
        DateOnly? born = birth.State == PersonalValueState.Present
            && DateOnly.TryParseExact(birth.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        return new CustomerDto(
            customer.Id,
            customer.CustomerNumber,
            customer.OrganisationId,
            organisationCode,
            Masked(CustomerFields.Name),
            customer.Gender,
            Masked(CustomerFields.BirthDate),
            Masked(CustomerFields.IdNumber),
            Masked(CustomerFields.Mobile),
            Masked(CustomerFields.Email),
            Masked(CustomerFields.Address),
            Masked(CustomerFields.BankAccount),
            Masked(CustomerFields.Notes),
            Customer.IsElderly(born, ChinaToday(clock)),
            customer.Care.HasFlag(CustomerCare.Disabled),
            customer.Care.HasFlag(CustomerCare.LowIncome),
            customer.Care.HasFlag(CustomerCare.SeriousIllness),
            customer.IsErased,
            unreadable,
            customer.UpdatedAt);
    }

    /// <summary>Today's date in China, where ages and birth dates are counted.</summary>
    public static DateOnly ChinaToday(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Kernel.Calendar.DeadlineCalculator.ChinaStandardTime).DateTime);
    }
}
