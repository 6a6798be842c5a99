using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Customers.Domain;
using Xiaobao.Customers.Features.Shared;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Identifiers;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Customers.Features.SaveCustomer;

/// <summary>
/// A customer's details in plain values; they are validated, encrypted and never echoed (the answer is masked). The
/// birth date and gender are taken from the ID number when it is given. On update a null customer number keeps it.
/// </summary>
public sealed record SaveCustomerRequest(
    [property: StringLength(Customer.NumberMaxLength)] string? CustomerNumber,
    [property: Required, StringLength(32)] string OrganisationCode,
    [property: Required, StringLength(Customer.NameMaxLength)] string Name,
    Gender? Gender = null,
    DateOnly? BirthDate = null,
    [property: StringLength(20)] string? IdNumber = null,
    [property: StringLength(20)] string? Mobile = null,
    [property: StringLength(254)] string? Email = null,
    [property: StringLength(Customer.AddressMaxLength)] string? Address = null,
    [property: StringLength(40)] string? BankAccount = null,
    bool Disabled = false,
    bool LowIncome = false,
    bool SeriousIllness = false,
    [property: StringLength(Customer.NotesMaxLength)] string? Notes = null);

/// <summary>Creates (or, by customer number, updates: creating twice is idempotent) and updates customers.</summary>
public sealed partial class SaveCustomer(ICustomersDb db, IOrganisationDirectory directory, IPersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>Creates the customer, or updates the one with that number when it is in the caller's scope. Returns the id and whether it was created.</summary>
    public async Task<(Guid Id, bool Created)> CreateAsync(SaveCustomerRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var number = RequireNumber(request);
        var existing = await db.Customers.IgnoreQueryFilters().Where(c => c.CustomerNumber == number).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (existing != Guid.Empty)
        {
            if (!await UpdateAsync(existing, request, ct))
            {
                // Numbers are unique across the insurer; this tells the caller only that the number is taken.
                throw new DomainException("customer/number-taken", UiText.Format("Error.Customer.NumberTaken", number), isConflict: true);
            }

            return (existing, false);
        }

        var valid = await ValidateAsync(request, ct);
        var customer = Customer.Create(Guid.CreateVersion7(clock.GetUtcNow()), number, valid.Organisation, clock.GetUtcNow());
        Apply(customer, valid);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return (customer.Id, true);
    }

    /// <summary>Creates many new customers in one save (the demo seed); numbers must not exist yet.</summary>
    public async Task<int> CreateManyAsync(IReadOnlyList<SaveCustomerRequest> requests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            var valid = await ValidateAsync(request, ct);
            var customer = Customer.Create(Guid.CreateVersion7(clock.GetUtcNow()), RequireNumber(request), valid.Organisation, clock.GetUtcNow());
            Apply(customer, valid);
            db.Customers.Add(customer);
        }

        await db.SaveChangesAsync(ct);
        return requests.Count;
    }

    /// <summary>False when the customer is not in the caller's scope.</summary>
    public async Task<bool> UpdateAsync(Guid id, SaveCustomerRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return false;
        }

        if (customer.IsErased)
        {
            throw new DomainException("customer/erased", UiText.Get("Error.Customer.Erased"), isConflict: true);
        }

        if (request.CustomerNumber is { } number && !string.Equals(number.Trim(), customer.CustomerNumber, StringComparison.Ordinal))
        {
            throw ValidationFailedException.For("customerNumber", UiText.Get("Error.Customer.NumberFixed"));
        }

        var valid = await ValidateAsync(request, ct);
        Apply(customer, valid);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Apply(Customer customer, ValidCustomer valid)
    {
        customer.Describe(valid.Organisation, valid.Gender, valid.Care, clock.GetUtcNow());
        Write(customer, CustomerFields.Name, valid.Name);
        Write(customer, CustomerFields.BirthDate, valid.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Write(customer, CustomerFields.IdNumber, valid.IdNumber);
        Write(customer, CustomerFields.Mobile, valid.Mobile);
        Write(customer, CustomerFields.Email, valid.Email);
        Write(customer, CustomerFields.Address, valid.Address);
        Write(customer, CustomerFields.BankAccount, valid.BankAccount);
        Write(customer, CustomerFields.Notes, valid.Notes);
    }

    // An unchanged value keeps its ciphertext, so an update records (and the audit trail shows) only fields that changed.
    private void Write(Customer customer, PersonalField field, string? value)
    {
        var current = PersonalValues.Read(protector, customer, customer.Id, field);
        var unchanged = current.State == PersonalValueState.Present ? string.Equals(current.Value, value, StringComparison.Ordinal) : value is null && current.State == PersonalValueState.Empty;
        if (!unchanged)
        {
            PersonalValues.Write(protector, customer, customer.Id, field, value);
        }
    }

    private static string RequireNumber(SaveCustomerRequest request)
    {
        var number = request.CustomerNumber?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            throw ValidationFailedException.For("customerNumber", UiText.Get("Validation.Required"));
        }

        if (!NumberPattern().IsMatch(number))
        {
            throw ValidationFailedException.For("customerNumber", UiText.Get("Error.Customer.NumberFormat"));
        }

        return number;
    }

    private async Task<ValidCustomer> ValidateAsync(SaveCustomerRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = CustomerView.ChinaToday(clock);
        var organisation = await directory.FindByCodeAsync(request.OrganisationCode.Trim(), ct);
        if (organisation is null)
        {
            errors.Add("organisationCode", UiText.Get("Error.OrganisationNotInScope"));
        }

        var name = Clean(request.Name);
        if (name is null)
        {
            errors.Add("name", UiText.Get("Validation.Required"));
        }

        var idNumber = Clean(request.IdNumber) is { } id ? ResidentIdNumber.Normalise(id) : null;
        var birthDate = request.BirthDate;
        var gender = request.Gender ?? Gender.Unknown;
        if (idNumber is not null)
        {
            if (ResidentIdNumber.Error(idNumber, today) is { } error)
            {
                errors.Add("idNumber", error);
            }
            else
            {
                var fromId = ResidentIdNumber.BirthDate(idNumber)!.Value;
                if (birthDate is { } given && given != fromId)
                {
                    errors.Add("birthDate", UiText.Get("Error.Customer.BirthDateMismatch"));
                }

                birthDate = fromId;
                gender = request.Gender ?? (ResidentIdNumber.IsMale(idNumber) ? Gender.Male : Gender.Female);
            }
        }
        else if (birthDate is { } born && (born > today || born.Year < 1900))
        {
            errors.Add("birthDate", UiText.Get("Error.Customer.BirthDateRange"));
        }

        var mobile = Clean(request.Mobile);
        if (mobile is not null && MobileNumber.Error(mobile) is { } mobileError)
        {
            errors.Add("mobile", mobileError);
        }

        var email = Clean(request.Email);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add("email", UiText.Get("Validation.Email"));
        }

        var bankAccount = Clean(request.BankAccount) is { } account ? account.Replace(" ", string.Empty, StringComparison.Ordinal) : null;
        if (bankAccount is not null && !BankAccountPattern().IsMatch(bankAccount))
        {
            errors.Add("bankAccount", UiText.Get("Validation.BankAccount"));
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        var care = (request.Disabled ? CustomerCare.Disabled : CustomerCare.None)
            | (request.LowIncome ? CustomerCare.LowIncome : CustomerCare.None)
            | (request.SeriousIllness ? CustomerCare.SeriousIllness : CustomerCare.None);
        return new ValidCustomer(
            organisation!, name!, gender, birthDate, idNumber, mobile is null ? null : MobileNumber.Normalise(mobile), email, Clean(request.Address), bankAccount, Clean(request.Notes), care);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[0-9]{12,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex BankAccountPattern();

    private sealed record ValidCustomer(
        OrganisationRef Organisation, string Name, Gender Gender, DateOnly? BirthDate, string? IdNumber, string? Mobile, string? Email, string? Address,
        string? BankAccount, string? Notes, CustomerCare Care);
}
