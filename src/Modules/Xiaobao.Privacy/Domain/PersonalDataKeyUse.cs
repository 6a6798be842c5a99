namespace Xiaobao.Privacy.Domain;

/// <summary>
/// A key id that has encrypted personal data. Start-up refuses to run when a key recorded here and not retired is
/// missing from the key ring: data under it would be unreadable.
/// </summary>
public sealed class PersonalDataKeyUse
{
    public const int KeyIdMaxLength = 32;

    private PersonalDataKeyUse()
    {
        KeyId = string.Empty;
    }

    public string KeyId { get; private set; }

    public DateTimeOffset FirstUsedAt { get; private set; }

    /// <summary>Set when a finished rotation left no value under this key; the ring may then drop it.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public static PersonalDataKeyUse Start(string keyId, DateTimeOffset now) => new() { KeyId = keyId, FirstUsedAt = now };

    public void Retire(DateTimeOffset now) => RetiredAt ??= now;

    public void Reinstate() => RetiredAt = null;
}
