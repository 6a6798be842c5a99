namespace Xiaobao.Kernel.Privacy;

/// <summary>
/// Declares a property as personal information: the one declaration that encryption, masking, export, erasure, key
/// rotation and the audit trail read (see docs/adr/0008).
/// </summary>
/// <remarks>
/// <c>[Personal(PersonalKind.Phone)]</c>: the property holds the value encrypted (AES-256-GCM under the key ring) and
/// is shown masked by kind. <c>[Personal]</c> alone: personal but kept in clear (a staff member's display name, a
/// keyed blind index, care flags that queries must read); the audit trail still records only that it changed, and
/// erasure resets it.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalAttribute : Attribute
{
    private bool? _sensitive;

    /// <summary>Personal, kept in clear.</summary>
    public PersonalAttribute()
    {
        Kind = PersonalKind.Other;
    }

    /// <summary>Personal of <paramref name="kind"/>, stored encrypted.</summary>
    public PersonalAttribute(PersonalKind kind)
    {
        Kind = kind;
        Encrypted = kind != PersonalKind.Other;
    }

    public PersonalKind Kind { get; }

    /// <summary>True when the property holds ciphertext rather than the value.</summary>
    public bool Encrypted { get; }

    /// <summary>The property that holds the keyed exact-match index of this value, when the field can be looked up.</summary>
    public string? BlindIndex { get; set; }

    /// <summary>Sensitive personal information (PIPL art 28); by default decided by <see cref="Kind"/>.</summary>
    public bool Sensitive
    {
        get => _sensitive ?? PersonalKinds.IsSensitiveByDefault(Kind);
        set => _sensitive = value;
    }
}
