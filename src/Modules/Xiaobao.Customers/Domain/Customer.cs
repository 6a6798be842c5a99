using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Customers.Domain;

public enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>Why a customer needs particular care (RULES §13); "elderly" is not stored but derived from the birth date.</summary>
[Flags]
public enum CustomerCare
{
    None = 0,
    Disabled = 1,
    LowIncome = 2,
    SeriousIllness = 4,
}

/// <summary>
/// A customer of the insurer, serviced by one organisation (whose scope it is in). Its personal fields hold
/// ciphertexts and blind indexes, written and read only through <see cref="PersonalValues"/>; what is personal, how it
/// is masked and which fields can be looked up is declared here once by <see cref="PersonalAttribute"/>.
/// </summary>
public sealed class Customer : IOrganisationScoped
{
    public const int NumberMaxLength = 32;
    public const int NameMaxLength = 64;
    public const int AddressMaxLength = 200;
    public const int NotesMaxLength = 2000;
    public const int ElderlyAge = 65;

    private Customer()
    {
        CustomerNumber = string.Empty;
        OrganisationPath = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The core system's customer number; unique across the insurer, kept when the customer's data is erased.</summary>
    public string CustomerNumber { get; private set; }

    /// <summary>The servicing organisation.</summary>
    public Guid OrganisationId { get; private set; }

    public string OrganisationPath { get; private set; }

    [Personal(PersonalKind.Name)]
    public string? Name { get; private set; }

    [Personal]
    public Gender Gender { get; private set; }

    /// <summary>ISO date (yyyy-MM-dd) inside the ciphertext.</summary>
    [Personal(PersonalKind.BirthDate)]
    public string? BirthDate { get; private set; }

    [Personal(PersonalKind.IdNumber, BlindIndex = nameof(IdNumberIndex))]
    public string? IdNumber { get; private set; }

    [Personal]
    public string? IdNumberIndex { get; private set; }

    [Personal(PersonalKind.Phone, BlindIndex = nameof(MobileIndex))]
    public string? Mobile { get; private set; }

    [Personal]
    public string? MobileIndex { get; private set; }

    [Personal(PersonalKind.Email)]
    public string? Email { get; private set; }

    [Personal(PersonalKind.Address)]
    public string? Address { get; private set; }

    [Personal(PersonalKind.BankAccount)]
    public string? BankAccount { get; private set; }

    /// <summary>Free text about the customer; sensitive, because service notes often mention health.</summary>
    [Personal(PersonalKind.FreeText, Sensitive = true)]
    public string? Notes { get; private set; }

    /// <summary>Care flags, in clear because routing and priority handling query them; hidden from the audit trail and reset on erasure.</summary>
    [Personal]
    public CustomerCare Care { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the customer's personal data was erased at their request; the record then only keeps its number.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public static Customer Create(Guid id, string customerNumber, OrganisationRef organisation, DateTimeOffset now) => new()
    {
        Id = id,
        CustomerNumber = customerNumber,
        OrganisationId = organisation.Id,
        OrganisationPath = organisation.Path,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The facts kept in clear; personal fields are written alongside through <see cref="PersonalValues.Write"/>.</summary>
    public void Describe(OrganisationRef organisation, Gender gender, CustomerCare care, DateTimeOffset now)
    {
        OrganisationId = organisation.Id;
        OrganisationPath = organisation.Path;
        Gender = gender;
        Care = care;
        UpdatedAt = now;
    }

    /// <summary>Data-subject erasure: every declared personal field is erased (see <see cref="PersonalValues.Erase"/>).</summary>
    public void Erase(DateTimeOffset now)
    {
        PersonalValues.Erase(this);
        ErasedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Elderly (≥ 65, RULES §13.4) on <paramref name="today"/>, from the birth date.</summary>
    public static bool IsElderly(DateOnly? birthDate, DateOnly today) =>
        birthDate is { } born && born.AddYears(ElderlyAge) <= today;
}
