using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Xiaobao.Kernel.Identifiers;
using Xiaobao.Kernel.Privacy;

namespace Xiaobao.Privacy.Features.Keys;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value; stored as <c>v1:&lt;keyId&gt;:&lt;base64(nonce|ciphertext|tag)&gt;</c>.
/// The associated data names the format, key, field and record, so a ciphertext copied to another column or row, or
/// given another key id, fails authentication. A failure is logged with field, record and key, never the value.
/// </summary>
internal sealed partial class AesGcmPersonalDataProtector(PersonalDataKeyRing ring, ILogger<AesGcmPersonalDataProtector> logger) : IPersonalDataProtector
{
    public const string Version = "v1";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string ActiveKeyId => ring.ActiveKeyId;

    public string Protect(PersonalField field, Guid recordId, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        var plain = Encoding.UTF8.GetBytes(value);
        var payload = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = payload.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(ring.ActiveKey, TagBytes))
        {
            aes.Encrypt(nonce, plain, payload.AsSpan(NonceBytes, plain.Length), payload.AsSpan(NonceBytes + plain.Length), AssociatedData(ring.ActiveKeyId, field, recordId));
        }

        return $"{Version}:{ring.ActiveKeyId}:{Convert.ToBase64String(payload)}";
    }

    public string Unprotect(PersonalField field, Guid recordId, string stored)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(stored);
        var keyId = KeyIdOf(stored);
        if (keyId is null)
        {
            throw Unreadable(field, recordId, null, UnreadableReason.Malformed);
        }

        if (!ring.TryGet(keyId, out var key))
        {
            throw Unreadable(field, recordId, keyId, UnreadableReason.UnknownKey);
        }

        var encoded = stored.AsSpan(Version.Length + keyId.Length + 2);
        var payload = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (!Convert.TryFromBase64Chars(encoded, payload, out var length) || length < NonceBytes + TagBytes)
        {
            throw Unreadable(field, recordId, keyId, UnreadableReason.Malformed);
        }

        var cipherLength = length - NonceBytes - TagBytes;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(payload.AsSpan(0, NonceBytes), payload.AsSpan(NonceBytes, cipherLength), payload.AsSpan(NonceBytes + cipherLength, TagBytes), plain, AssociatedData(keyId, field, recordId));
        }
        catch (CryptographicException)
        {
            throw Unreadable(field, recordId, keyId, UnreadableReason.FailedAuthentication);
        }

        return Encoding.UTF8.GetString(plain);
    }

    public string? KeyIdOf(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Version + ":", StringComparison.Ordinal))
        {
            return null;
        }

        var end = stored.IndexOf(':', Version.Length + 1);
        return end > Version.Length + 1 ? stored[(Version.Length + 1)..end] : null;
    }

    public string BlindIndex(PersonalKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalised = Normalise(kind, value);
        return Convert.ToBase64String(HMACSHA256.HashData(ring.BlindIndexKey, Encoding.UTF8.GetBytes($"{kind}|{normalised}")));
    }

    /// <summary>What two spellings of the same value have in common, so both find the record.</summary>
    public static string Normalise(PersonalKind kind, string value) => kind switch
    {
        PersonalKind.IdNumber => ResidentIdNumber.Normalise(value),
        PersonalKind.Phone => MobileNumber.Normalise(value),
        PersonalKind.BankAccount => new string(value.Where(char.IsAsciiDigit).ToArray()),
        PersonalKind.Email => value.Trim().ToLowerInvariant(),
        _ => value.Trim(),
    };

    private static byte[] AssociatedData(string keyId, PersonalField field, Guid recordId) =>
        Encoding.UTF8.GetBytes($"xiaobao:pd:{Version}|{keyId}|{field.Id}|{recordId:N}");

    private PersonalDataUnreadableException Unreadable(PersonalField field, Guid recordId, string? keyId, UnreadableReason reason)
    {
        Log.Unreadable(logger, field.Id, recordId, keyId ?? "-", reason);
        return new PersonalDataUnreadableException(field.Id, recordId, keyId, reason);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Personal data {FieldId} of record {RecordId} cannot be read: {Reason} (key {KeyId}). The stored value was altered, moved, or is under a key the ring lacks.")]
        public static partial void Unreadable(ILogger logger, string fieldId, Guid recordId, string keyId, UnreadableReason reason);
    }
}
