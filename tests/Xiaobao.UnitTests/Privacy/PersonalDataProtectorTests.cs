using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xiaobao.Customers.Domain;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Privacy.Features.Keys;

namespace Xiaobao.UnitTests.Privacy;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] s_k1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] s_k2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] s_blind = RandomNumberGenerator.GetBytes(32);
    private static readonly PersonalField s_mobile = PersonalFields.Get<Customer>(nameof(Customer.Mobile));
    private static readonly PersonalField s_email = PersonalFields.Get<Customer>(nameof(Customer.Email));

    private static AesGcmPersonalDataProtector Protector(string active, params (string Id, byte[] Key)[] keys) =>
        new(new PersonalDataKeyRing(keys.ToDictionary(k => k.Id, k => k.Key), active, s_blind, "test"), NullLogger<AesGcmPersonalDataProtector>.Instance);

    [Fact]
    public void Protect_Value_RoundTripsAndCarriesTheKeyId()
    {
        var protector = Protector("k1", ("k1", s_k1));
        var id = Guid.NewGuid();

        var stored = protector.Protect(s_mobile, id, "13812345678");

        Assert.StartsWith("v1:k1:", stored, StringComparison.Ordinal);
        Assert.Equal("k1", protector.KeyIdOf(stored));
        Assert.Equal("13812345678", protector.Unprotect(s_mobile, id, stored));
        Assert.NotEqual(stored, protector.Protect(s_mobile, id, "13812345678"));
    }

    [Fact]
    public void Unprotect_AfterRotation_OldKeyStillDecrypts()
    {
        var id = Guid.NewGuid();
        var old = Protector("k1", ("k1", s_k1)).Protect(s_mobile, id, "张三");

        Assert.Equal("张三", Protector("k2", ("k1", s_k1), ("k2", s_k2)).Unprotect(s_mobile, id, old));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("other-field")]
    [InlineData("other-record")]
    [InlineData("other-key-id")]
    [InlineData("unknown-key")]
    [InlineData("not-a-ciphertext")]
    public void Unprotect_AlteredOrMisplaced_FailsInsteadOfReturningText(string tampering)
    {
        var protector = Protector("k1", ("k1", s_k1), ("k2", s_k2));
        var id = Guid.NewGuid();
        var stored = protector.Protect(s_mobile, id, "13812345678");
        var payload = stored["v1:k1:".Length..];
        var bytes = Convert.FromBase64String(payload);
        bytes[^1] ^= 1;

        var (field, record, text, reason) = tampering switch
        {
            "flip" => (s_mobile, id, "v1:k1:" + Convert.ToBase64String(bytes), UnreadableReason.FailedAuthentication),
            "other-field" => (s_email, id, stored, UnreadableReason.FailedAuthentication),
            "other-record" => (s_mobile, Guid.NewGuid(), stored, UnreadableReason.FailedAuthentication),
            "other-key-id" => (s_mobile, id, "v1:k2:" + payload, UnreadableReason.FailedAuthentication),
            "unknown-key" => (s_mobile, id, "v1:k9:" + payload, UnreadableReason.UnknownKey),
            _ => (s_mobile, id, "13812345678", UnreadableReason.Malformed),
        };

        var failure = Assert.Throws<PersonalDataUnreadableException>(() => protector.Unprotect(field, record, text));

        Assert.Equal(reason, failure.Reason);
        Assert.DoesNotContain("13812345678", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlindIndex_SpellingsOfOneValue_AreEqualAndKeyed()
    {
        var protector = Protector("k1", ("k1", s_k1));
        var other = new AesGcmPersonalDataProtector(new PersonalDataKeyRing(new Dictionary<string, byte[]> { ["k1"] = s_k1 }, "k1", RandomNumberGenerator.GetBytes(32), "test"), NullLogger<AesGcmPersonalDataProtector>.Instance);

        Assert.Equal(protector.BlindIndex(PersonalKind.Phone, "13812345678"), protector.BlindIndex(PersonalKind.Phone, "+86 138-1234-5678"));
        Assert.Equal(protector.BlindIndex(PersonalKind.IdNumber, "11010519491231002X"), protector.BlindIndex(PersonalKind.IdNumber, "11010519491231002x"));
        Assert.NotEqual(protector.BlindIndex(PersonalKind.Phone, "13812345678"), protector.BlindIndex(PersonalKind.Phone, "13812345679"));
        Assert.NotEqual(protector.BlindIndex(PersonalKind.Phone, "13812345678"), other.BlindIndex(PersonalKind.Phone, "13812345678"));
    }

    [Fact]
    public void Load_NoKeysConfigured_CreatesOneKeyFileAndReusesIt()
    {
        var folder = Directory.CreateTempSubdirectory("xiaobao-keys-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().Build();

            var first = KeyRingLoader.Load(configuration, folder, NullLogger.Instance);
            var second = KeyRingLoader.Load(configuration, folder, NullLogger.Instance);

            var file = Path.Combine(folder, "data", "xiaobao-keys.json");
            Assert.True(File.Exists(file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            Assert.StartsWith("demo-", first.ActiveKeyId, StringComparison.Ordinal);
            Assert.Equal(first.ActiveKeyId, second.ActiveKeyId);
            Assert.Equal(first.ActiveKey, second.ActiveKey);
            Assert.NotEqual(first.ActiveKey, first.BlindIndexKey);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("short", "must be 32 bytes")]
    [InlineData("missing-active", "Privacy:ActiveKey")]
    [InlineData("no-blind", "Privacy:BlindIndexKey is not set")]
    public void Load_BadConfiguration_StopsWithAClearMessage(string problem, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Privacy:Keys:a"] = Convert.ToBase64String(problem == "short" ? new byte[16] : s_k1),
            ["Privacy:Keys:b"] = Convert.ToBase64String(s_k2),
            ["Privacy:ActiveKey"] = problem == "missing-active" ? null : "a",
            ["Privacy:BlindIndexKey"] = problem == "no-blind" ? null : Convert.ToBase64String(s_blind),
        };

        var failure = Assert.Throws<InvalidOperationException>(() => KeyRingLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "/", NullLogger.Instance));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declaration_Customer_NamesKindsSensitivityAndIndexes()
    {
        var fields = PersonalFields.Of<Customer>().ToDictionary(f => f.Name);

        Assert.Equal(["name", "birthDate", "idNumber", "mobile", "email", "address", "bankAccount", "notes"], PersonalFields.Encrypted(typeof(Customer)).Select(f => f.Name));
        Assert.True(fields["idNumber"].Sensitive);
        Assert.True(fields["bankAccount"].Sensitive);
        Assert.True(fields["notes"].Sensitive);
        Assert.False(fields["mobile"].Sensitive);
        Assert.Equal(nameof(Customer.MobileIndex), fields["mobile"].BlindIndex?.Name);
        Assert.True(fields["mobileIndex"].IsIndex);
        Assert.False(fields["care"].Encrypted);
    }
}
