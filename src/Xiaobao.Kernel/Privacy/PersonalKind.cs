namespace Xiaobao.Kernel.Privacy;

/// <summary>What a personal field holds. Masking, blind-index normalisation and log redaction are chosen by kind.</summary>
public enum PersonalKind
{
    /// <summary>Personal, but of no kind that is masked or encrypted (kept in clear for queries or display).</summary>
    Other,
    Name,
    IdNumber,
    Phone,
    Email,
    Address,
    BankAccount,
    BirthDate,
    FreeText,
    Health,
}

/// <summary>Facts about kinds that do not depend on the field.</summary>
public static class PersonalKinds
{
    /// <summary>
    /// Sensitive personal information by default (PIPL art 28, RULES §11.1): specific identity, financial accounts and
    /// health. A field may declare itself sensitive when its content can be (free text about a customer).
    /// </summary>
    public static bool IsSensitiveByDefault(PersonalKind kind) => kind is PersonalKind.IdNumber or PersonalKind.BankAccount or PersonalKind.Health;
}
