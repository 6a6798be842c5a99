namespace Xiaobao.Kernel.Privacy;

/// <summary>
/// Encrypts and decrypts declared personal fields (AES-256-GCM under the key ring) and computes their blind indexes.
/// A ciphertext is bound to its field and record: moved to another column or row it fails authentication.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>The key new values are encrypted under.</summary>
    string ActiveKeyId { get; }

    /// <summary>"v1:&lt;keyId&gt;:&lt;base64(nonce|ciphertext|tag)&gt;" under the active key.</summary>
    string Protect(PersonalField field, Guid recordId, string value);

    /// <summary>The value, or <see cref="PersonalDataUnreadableException"/> when the stored text is not a ciphertext of this field and record under a known key.</summary>
    string Unprotect(PersonalField field, Guid recordId, string stored);

    /// <summary>The key id a stored ciphertext names, or null when it is not one.</summary>
    string? KeyIdOf(string stored);

    /// <summary>HMAC-SHA256 under the blind-index key over the value normalised for the field's kind.</summary>
    string BlindIndex(PersonalKind kind, string value);
}

/// <summary>Why a stored personal value could not be read.</summary>
public enum UnreadableReason
{
    Malformed,
    UnknownKey,
    FailedAuthentication,
}

/// <summary>
/// A stored personal value failed to decrypt: not a ciphertext, under a key the ring lacks, or altered (GCM
/// authentication failed). The message names the field, record and key, never any value.
/// </summary>
public sealed class PersonalDataUnreadableException : Exception
{
    public PersonalDataUnreadableException(string fieldId, Guid recordId, string? keyId, UnreadableReason reason)
        : base($"Personal data {fieldId} of record {recordId} cannot be read ({reason}{(keyId is null ? string.Empty : $", key '{keyId}'")}).")
    {
        FieldId = fieldId;
        RecordId = recordId;
        KeyId = keyId;
        Reason = reason;
    }

    public PersonalDataUnreadableException()
        : this("unknown", Guid.Empty, null, UnreadableReason.Malformed)
    {
    }

    public PersonalDataUnreadableException(string message)
        : base(message)
    {
        FieldId = "unknown";
    }

    public PersonalDataUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
        FieldId = "unknown";
    }

    public string FieldId { get; }

    public Guid RecordId { get; }

    public string? KeyId { get; }

    public UnreadableReason Reason { get; }
}
