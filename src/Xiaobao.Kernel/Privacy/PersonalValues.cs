namespace Xiaobao.Kernel.Privacy;

/// <summary>What reading one personal field found.</summary>
public enum PersonalValueState
{
    Empty,
    Present,
    Erased,
    Unreadable,
}

/// <summary>One personal field as read: the value when present, otherwise why there is none.</summary>
public readonly record struct PersonalValue(PersonalValueState State, string? Value)
{
    public static PersonalValue Empty { get; } = new(PersonalValueState.Empty, null);
}

/// <summary>
/// Reads and writes an entity's declared personal fields through the protector, and erases them: code never sets a
/// ciphertext or blind-index property by hand, so what is encrypted and indexed is exactly what is declared.
/// </summary>
public static class PersonalValues
{
    /// <summary>What an erased encrypted field holds instead of a ciphertext.</summary>
    public const string ErasedMarker = "erased";

    /// <summary>Encrypts <paramref name="value"/> into the field (null clears it) and refreshes its blind index.</summary>
    public static void Write(IPersonalDataProtector protector, object entity, Guid recordId, PersonalField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(field);
        var present = !string.IsNullOrWhiteSpace(value);
        field.Property.SetValue(entity, present ? protector.Protect(field, recordId, value!.Trim()) : null);
        field.BlindIndex?.SetValue(entity, present ? protector.BlindIndex(field.Kind, value!) : null);
    }

    /// <summary>Decrypts the field; a value that fails authentication comes back <see cref="PersonalValueState.Unreadable"/>, never as text.</summary>
    public static PersonalValue Read(IPersonalDataProtector protector, object entity, Guid recordId, PersonalField field)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(field);
        return field.Property.GetValue(entity) switch
        {
            null => PersonalValue.Empty,
            ErasedMarker => new PersonalValue(PersonalValueState.Erased, null),
            string stored => Decrypt(protector, field, recordId, stored),
            _ => PersonalValue.Empty,
        };
    }

    /// <summary>Decrypts or throws <see cref="PersonalDataUnreadableException"/>: for a reveal, where an unreadable value is an error to report.</summary>
    public static PersonalValue ReadOrThrow(IPersonalDataProtector protector, object entity, Guid recordId, PersonalField field)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(field);
        return field.Property.GetValue(entity) switch
        {
            string stored and not ErasedMarker => new PersonalValue(PersonalValueState.Present, protector.Unprotect(field, recordId, stored)),
            ErasedMarker => new PersonalValue(PersonalValueState.Erased, null),
            _ => PersonalValue.Empty,
        };
    }

    /// <summary>The masked text of a field for display and export, or null when it holds nothing to show.</summary>
    public static string? Masked(PersonalField field, PersonalValue value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return value.State == PersonalValueState.Present ? PersonalMask.Mask(field.Kind, value.Value!) : null;
    }

    /// <summary>
    /// Data-subject erasure: every encrypted field becomes <see cref="ErasedMarker"/>, every blind index and every
    /// personal field kept in clear is reset. Reads the declaration, so a field added later is erased too.
    /// </summary>
    public static void Erase(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var field in PersonalFields.Of(entity.GetType()))
        {
            if (field.Encrypted)
            {
                field.Property.SetValue(entity, ErasedMarker);
            }
            else
            {
                var type = field.Property.PropertyType;
                field.Property.SetValue(entity, type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null);
            }
        }
    }

    private static PersonalValue Decrypt(IPersonalDataProtector protector, PersonalField field, Guid recordId, string stored)
    {
        try
        {
            return new PersonalValue(PersonalValueState.Present, protector.Unprotect(field, recordId, stored));
        }
        catch (PersonalDataUnreadableException)
        {
            return new PersonalValue(PersonalValueState.Unreadable, null);
        }
    }
}
