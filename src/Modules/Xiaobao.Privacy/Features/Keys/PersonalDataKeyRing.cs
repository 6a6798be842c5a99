using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Xiaobao.Privacy.Features.Keys;

/// <summary>
/// The keys personal data is encrypted under (id → 256-bit key), the one new values use, and the separate key of the
/// blind indexes. Built once per application from configuration or the demo key file (<see cref="KeyRingLoader"/>).
/// </summary>
public sealed partial class PersonalDataKeyRing
{
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public PersonalDataKeyRing(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId, byte[] blindIndexKey, string source)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(blindIndexKey);
        foreach (var (id, key) in keys)
        {
            if (!IsValidKeyId(id))
            {
                throw new InvalidOperationException($"Personal-data key id '{id}' is not valid: use 1 to 32 letters, digits, '-' or '_'.");
            }

            if (key.Length != KeyBytes)
            {
                throw new InvalidOperationException($"Personal-data key '{id}' must be {KeyBytes} bytes (base64 of 32 random bytes), not {key.Length}.");
            }
        }

        if (!keys.ContainsKey(activeKeyId))
        {
            throw new InvalidOperationException($"The active personal-data key '{activeKeyId}' is not in the key ring.");
        }

        if (blindIndexKey.Length != KeyBytes)
        {
            throw new InvalidOperationException($"The blind-index key must be {KeyBytes} bytes (base64 of 32 random bytes), not {blindIndexKey.Length}.");
        }

        _keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);
        ActiveKeyId = activeKeyId;
        BlindIndexKey = blindIndexKey;
        Source = source;
    }

    public string ActiveKeyId { get; }

    public byte[] ActiveKey => _keys[ActiveKeyId];

    public byte[] BlindIndexKey { get; }

    /// <summary>Where the keys came from: "configuration" or the key file's path.</summary>
    public string Source { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public bool TryGet(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    public static bool IsValidKeyId(string keyId) => KeyIdPattern().IsMatch(keyId);

    /// <summary>A fresh 256-bit key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdPattern();
}
