using System.Security.Cryptography;
using System.Text;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Access.Domain;

/// <summary>
/// A long-lived credential for an integrating system. Only a SHA-256 hash of the secret is stored: the secret is
/// 256 random bits, so a fast hash is as strong as a slow one and keeps every API call cheap.
/// </summary>
public sealed class ApiKey : IOrganisationScoped
{
    public const string TokenPrefix = "xbk_";
    public const int NameMaxLength = 100;

    private ApiKey()
    {
        Name = string.Empty;
        Lookup = string.Empty;
        SecretHash = string.Empty;
        OrganisationPath = string.Empty;
        Permissions = [];
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The public part of the key, indexed, so a presented key is found without scanning hashes.</summary>
    public string Lookup { get; private set; }

    public string SecretHash { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string OrganisationPath { get; private set; }

    public List<string> Permissions { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Creates a key and returns it with the one-time plain token to hand to the integrator.</summary>
    public static (ApiKey Key, string Token) Issue(
        string name, Guid organisationId, string organisationPath, IEnumerable<string> permissions, Guid createdBy, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var lookup = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Lookup = lookup,
            SecretHash = Hash(secret),
            OrganisationId = organisationId,
            OrganisationPath = organisationPath,
            Permissions = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (key, $"{TokenPrefix}{lookup}_{secret}");
    }

    /// <summary>Splits a presented token into its lookup and secret parts; false when it is not shaped like a key.</summary>
    public static bool TryParse(string token, out string lookup, out string secret)
    {
        lookup = string.Empty;
        secret = string.Empty;
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token.AsSpan(TokenPrefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != 16)
        {
            return false;
        }

        lookup = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return secret.Length > 0;
    }

    public bool Verify(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
